import { fileURLToPath } from 'node:url';
import { Aspects, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDeployment } from '../../infra/config/load-deployment.js';
import { createScannerApp } from '../../infra/scanner-app.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Finding {
  readonly stack: string;
  readonly path: string;
  readonly level: string;
  readonly message: string;
}

let findings: Finding[] = [];

beforeAll(async () => {
  const deployment = await loadDeployment('statetrail.example.yaml', ROOT);
  const app = createScannerApp(deployment, { context: { 'aws:cdk:bundling-stacks': [] } });
  // Generic on purpose: whatever any construct adds (a state machine, an API, a table) is checked.
  Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
  Aspects.of(app).add(new ServerlessChecks({ verbose: true }));
  app.synth();
  findings = app.node
    .findAll()
    .filter((node): node is Stack => Stack.isStack(node))
    .flatMap((stack) =>
      [
        ...Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('.*')),
        ...Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('.*')),
      ].map((entry) => ({
        stack: stack.stackName,
        path: entry.id,
        level: entry.entry.type,
        message: String(entry.entry.data),
      })),
    )
    .filter((finding) => /AwsSolutions-|Serverless-/.test(finding.message));
});

describe('cdk-nag: AwsSolutions and Serverless packs over the app built from the example config', () => {
  it('has no unsuppressed finding', () => {
    expect(findings.map((f) => `${f.stack} ${f.path}: ${f.message.split('\n')[0]}`)).toEqual([]);
  });
});
