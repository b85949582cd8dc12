import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BY_RESOURCE_TYPE, NOT_MAPPED } from '../../../lib/drift/mapping/registry.js';
import { hasOwnSteps, noOwnStepsReason } from '../../../lib/snapshot/normalize/chain.js';
import { awsCollectors } from '../../../lib/sources/aws/registry.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Where each collected type must be declared besides its collector (README "Adding a resource type"). */
interface Registries {
  readonly collected: readonly string[];
  readonly hasOwnSteps: (type: string) => boolean;
  readonly noOwnStepsReason: (type: string) => string | undefined;
  readonly mapped: ReadonlySet<string>;
  readonly notMapped: ReadonlyMap<string, string>;
  readonly golden: (type: string) => boolean;
}

/** One line per missing or contradictory declaration; empty when every type is complete. */
function gaps(r: Registries): string[] {
  const out: string[] = [];
  const collected = new Set(r.collected);
  for (const type of r.collected) {
    const reason = r.noOwnStepsReason(type);
    if (!r.hasOwnSteps(type) && !reason?.trim()) {
      out.push(`${type}: no normalization steps in chain.ts and no NO_OWN_STEPS reason`);
    }
    if (r.hasOwnSteps(type) && reason !== undefined) {
      out.push(`${type}: has normalization steps and a NO_OWN_STEPS reason`);
    }
    const because = r.notMapped.get(type);
    if (!r.mapped.has(type) && !because?.trim()) {
      out.push(`${type}: no drift mapping in mapping/registry.ts and no NOT_MAPPED reason`);
    }
    if (r.mapped.has(type) && because !== undefined) {
      out.push(`${type}: has a drift mapping and a NOT_MAPPED reason`);
    }
    if (!r.golden(type)) out.push(`${type}: no golden file of its collector`);
  }
  for (const type of r.notMapped.keys()) {
    if (!collected.has(type)) out.push(`${type}: NOT_MAPPED names a type nothing collects`);
  }
  return out;
}

function serviceAndType(resourceType: string): [string, string] {
  const [, service = '', type = ''] = resourceType.toLowerCase().split('::');
  return [service, type];
}

/** ec2 and eks goldens have a folder per type; S3 (one type) keeps its files in golden/. */
function hasGolden(resourceType: string): boolean {
  const [service, type] = serviceAndType(resourceType);
  const dir = `${ROOT}test/unit/sources/aws/${service}/golden`;
  const types = [...awsCollectors.keys()].filter((t) => serviceAndType(t)[0] === service);
  return types.length === 1 ? existsSync(dir) : existsSync(`${dir}/${type}`);
}

const REAL: Registries = {
  collected: [...awsCollectors.keys()],
  hasOwnSteps,
  noOwnStepsReason,
  mapped: new Set(BY_RESOURCE_TYPE.keys()),
  notMapped: NOT_MAPPED,
  golden: hasGolden,
};

describe('every collected AWS resource type', () => {
  it('has normalization steps or a reason, a drift mapping or a reason, and a golden file', () => {
    expect(REAL.collected.length).toBeGreaterThan(20);
    expect(gaps(REAL)).toEqual([]);
  });

  it('is found missing when a new collector has none of them', () => {
    const added = { ...REAL, collected: [...REAL.collected, 'AWS::EC2::TransitGateway'] };
    expect(gaps(added)).toEqual([
      'AWS::EC2::TransitGateway: no normalization steps in chain.ts and no NO_OWN_STEPS reason',
      'AWS::EC2::TransitGateway: no drift mapping in mapping/registry.ts and no NOT_MAPPED reason',
      'AWS::EC2::TransitGateway: no golden file of its collector',
    ]);
  });

  it('is found missing when a mapping or a reason is taken away', () => {
    const mapped = new Set(REAL.mapped);
    mapped.delete('AWS::EC2::Instance');
    expect(gaps({ ...REAL, mapped, notMapped: new Map() })).toEqual([
      'AWS::EC2::Instance: no drift mapping in mapping/registry.ts and no NOT_MAPPED reason',
      'AWS::EC2::NetworkInterface: no drift mapping in mapping/registry.ts and no NOT_MAPPED reason',
    ]);
    expect(gaps({ ...REAL, noOwnStepsReason: () => undefined })).toEqual([
      'AWS::EC2::EIP: no normalization steps in chain.ts and no NO_OWN_STEPS reason',
      'AWS::EC2::KeyPair: no normalization steps in chain.ts and no NO_OWN_STEPS reason',
    ]);
  });

  it('is found contradictory when a reason outlives the mapping it excused', () => {
    const notMapped = new Map([...REAL.notMapped, ['AWS::EC2::VPC', 'stale'], ['AWS::X::Y', 'x']]);
    expect(gaps({ ...REAL, notMapped })).toEqual([
      'AWS::EC2::VPC: has a drift mapping and a NOT_MAPPED reason',
      'AWS::X::Y: NOT_MAPPED names a type nothing collects',
    ]);
  });
});
