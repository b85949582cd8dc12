import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { type ChangedAttribute, resolveChange } from '../../../lib/codify/changed.js';

// Untyped on purpose: see codify.test.ts.
const { parse } = createRequire(import.meta.url)('@cdktf/hcl2json') as {
  parse: (file: string, text: string) => Promise<Record<string, unknown>>;
};

const CANARY = 'AKIAIOSFODNN7EXAMPLE';

function change(over: Partial<ChangedAttribute>): ChangedAttribute {
  return {
    address: 'aws_instance.web[0]',
    type: 'aws_instance',
    id: 'i-0abc',
    attribute: 'instance_type',
    state: 't3.micro',
    cloud: 't3.large',
    ...over,
  };
}

describe('both ways out of a changed attribute', () => {
  it('accepts with the cloud value at the address, reverts with the state value and a command', async () => {
    const out = resolveChange(change({}));
    expect(out.accept).toBe(
      '# aws_instance.web[0]\nresource "aws_instance" "web" {\n  instance_type = "t3.large"\n}\n',
    );
    expect(out.stateValue).toContain('instance_type = "t3.micro"');
    expect(out.revert).toContain(
      "aws ec2 modify-instance-attribute --instance-id 'i-0abc' --instance-type 'Value=t3.micro'",
    );
    expect(out.revert).toContain("terraform apply -target='aws_instance.web[0]'");
    const parsed = await parse('accept.tf', out.accept ?? '');
    expect(parsed).toEqual({
      resource: { aws_instance: { web: [{ instance_type: 't3.large' }] } },
    });
  });

  it('writes a tag as a map entry and a nested attribute as its block', async () => {
    const tag = resolveChange(change({ attribute: 'tags.Owner', state: "o'brien", cloud: 'ops' }));
    expect(await parse('t.tf', tag.accept ?? '')).toEqual({
      resource: { aws_instance: { web: [{ tags: { Owner: 'ops' } }] } },
    });
    // A quote in the value cannot end the shell word.
    expect(tag.revert).toContain(`--tags 'Key=Owner,Value=o'\\''brien'`);
    const gone = resolveChange(change({ attribute: 'tags.Owner', state: null, cloud: 'x' }));
    expect(gone.revert).toContain("aws ec2 delete-tags --resources 'i-0abc' --tags 'Key=Owner'");
    expect(gone.stateValue).toBeUndefined();
    const nested = resolveChange(
      change({ attribute: 'metadata_options.http_tokens', state: 'required', cloud: 'optional' }),
    );
    expect(await parse('n.tf', nested.accept ?? '')).toEqual({
      resource: { aws_instance: { web: [{ metadata_options: [{ http_tokens: 'optional' }] }] } },
    });
    expect(nested.revert).toMatch(/^terraform apply -target=/);
  });

  it('never prints a credential-shaped or sensitive value', () => {
    const out = resolveChange(
      change({ attribute: 'tags.Key', state: '(sensitive)', cloud: CANARY }),
    );
    expect(JSON.stringify(out)).not.toContain(CANARY);
    expect(JSON.stringify(out)).not.toContain('(sensitive)');
    expect(out.accept).toBeUndefined();
    expect(out.revert).toMatch(/^terraform apply -target=/);
  });

  it('names the resource block after the last part of a module address', () => {
    const out = resolveChange(
      change({
        address: 'module.net.aws_subnet.private["b"]',
        type: 'aws_subnet',
        attribute: 'map_public_ip_on_launch',
        state: false,
        cloud: true,
      }),
    );
    expect(out.accept).toContain(
      '# module.net.aws_subnet.private["b"]\nresource "aws_subnet" "private" {',
    );
    expect(out.revert).toContain(
      "aws ec2 modify-subnet-attribute --subnet-id 'i-0abc' --no-map-public-ip-on-launch",
    );
  });
});
