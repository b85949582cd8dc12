/** Times `computeDrift` on n resources and n matching instances (instances, groups, subnets). */
import { computeDrift } from '../lib/drift/engine.js';
import type { Resource } from '../lib/model/schema.js';
import type { StateInstance } from '../lib/terraform/state-instance.js';

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';

/**
 * Resource i (an instance, a security group or a subnet, by i mod 3) and the Terraform instance
 * that manages it, in `account` (default 111111111111).
 */
export function benchPair(i: number, account = ACCOUNT): [Resource, StateInstance] {
  const kind = i % 3;
  const hex = i.toString(16).padStart(17, '0');
  const [resourceType, type, id, configuration, attributes] =
    kind === 0
      ? ([
          'AWS::EC2::Instance',
          'aws_instance',
          `i-${hex}`,
          {
            InstanceType: 't3.micro',
            ImageId: 'ami-1',
            SubnetId: 'subnet-1',
            SecurityGroups: [{ GroupId: 'sg-1' }],
          },
          {
            instance_type: 't3.micro',
            ami: 'ami-1',
            subnet_id: 'subnet-1',
            vpc_security_group_ids: ['sg-1'],
          },
        ] as const)
      : kind === 1
        ? ([
            'AWS::EC2::SecurityGroup',
            'aws_security_group',
            `sg-${hex}`,
            {
              GroupName: `g${i}`,
              VpcId: 'vpc-1',
              IpPermissions: [
                {
                  IpProtocol: 'tcp',
                  FromPort: 443,
                  ToPort: 443,
                  IpRanges: [{ CidrIp: '0.0.0.0/0' }],
                },
              ],
              IpPermissionsEgress: [],
            },
            {
              name: `g${i}`,
              vpc_id: 'vpc-1',
              ingress: [
                { protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['0.0.0.0/0'] },
              ],
              egress: [],
            },
          ] as const)
        : ([
            'AWS::EC2::Subnet',
            'aws_subnet',
            `subnet-${hex}`,
            { CidrBlock: '10.0.0.0/24', VpcId: 'vpc-1' },
            { cidr_block: '10.0.0.0/24', vpc_id: 'vpc-1' },
          ] as const);
  const tags = { Name: `r${i}`, team: 'platform' };
  const arn = `arn:aws:ec2:${REGION}:${account}:x/${id}`;
  return [
    {
      schemaVersion: 1,
      resourceType,
      resourceId: id,
      accountId: account,
      awsRegion: REGION,
      tags,
      configuration: { ...configuration },
    },
    {
      state: 'bench.tfstate',
      lineage: 'l',
      serial: 1,
      address: `${type}.r${i}`,
      type,
      provider: 'aws',
      attributes: { ...attributes, id, arn, tags },
      tainted: false,
    },
  ];
}

/** One timed `computeDrift`: wall and CPU time (main thread plus GC helpers), in milliseconds. */
export interface DriftBenchResult {
  readonly n: number;
  readonly ms: number;
  readonly cpuMs: number;
  readonly changed: number;
}

/** The target: 100k resources against 100k instances well under a second of CPU. */
export const DRIFT_TARGET_MS = 1000;

/** Builds n resources and n instances and times one `computeDrift` over them. */
export function runDriftBench(n: number): DriftBenchResult {
  // Through JSON, as state files and snapshots arrive: flat strings, no object shared by both sides.
  const pairs = JSON.parse(JSON.stringify(Array.from({ length: n }, (_, i) => benchPair(i)))) as [
    Resource,
    StateInstance,
  ][];
  const resources = pairs.map(([r]) => r);
  const instances = pairs.map(([, s]) => s);
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const report = computeDrift({ resources, instances, scopes: [], now: new Date(0) });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { n, ms, cpuMs: (used.user + used.system) / 1000, changed: report.summary.changed };
}

/** The bench's lines for `npm run bench`: time per resource and the ratio to the target. */
export function formatDriftBench(result: DriftBenchResult): string[] {
  const row = (name: string, ms: number) =>
    `  ${name.padEnd(6)} ${ms.toFixed(0).padStart(7)} ms ${((ms * 1000) / result.n).toFixed(2).padStart(8)} µs/resource`;
  return [
    `drift, ${result.n} resources against ${result.n} instances (${result.changed} changed)`,
    row('wall', result.ms),
    row('CPU', result.cpuMs),
    `  CPU / target (${DRIFT_TARGET_MS} ms) = ${(result.cpuMs / DRIFT_TARGET_MS).toFixed(2)}x`,
  ];
}
