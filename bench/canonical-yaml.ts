import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import YAML from 'yaml';
import { toCanonicalYaml } from '../lib/snapshot/canonical-yaml.js';

/** One serializer's cost over the benchmark's objects (the best round). */
export interface SerializerFigures {
  readonly totalMs: number;
  readonly usPerObject: number;
  /** Total length of the output, in UTF-16 code units. */
  readonly chars: number;
}

/** What `runCanonicalYamlBench` measured, for `bench/run.ts` to print. */
export interface CanonicalYamlBenchResult {
  readonly n: number;
  readonly canonicalYaml: SerializerFigures;
  readonly yamlStringify: SerializerFigures;
  readonly jsonStringify: SerializerFigures;
  /** canonicalYaml.usPerObject / jsonStringify.usPerObject */
  readonly ratioToJson: number;
}

/** Serializes `n` EC2-instance-like objects three ways and returns the cost of each. */
export function runCanonicalYamlBench(n: number): CanonicalYamlBenchResult {
  const objects = Array.from({ length: n }, (_, i) => ec2Instance(i));
  const sample = objects[0];
  if (sample !== undefined && !isDeepStrictEqual(YAML.parse(toCanonicalYaml(sample)), sample)) {
    throw new Error('toCanonicalYaml does not round-trip the benchmark object');
  }
  const yamlOptions = { sortMapEntries: true, lineWidth: 0 } as const;
  // Best of several rounds for the fast ones: a shared machine's noise only ever adds time.
  const canonicalYaml = measure(objects, toCanonicalYaml, 5);
  const yamlStringify = measure(objects, (o) => YAML.stringify(o, yamlOptions), 1);
  const jsonStringify = measure(objects, (o) => JSON.stringify(o), 5);
  return {
    n,
    canonicalYaml,
    yamlStringify,
    jsonStringify,
    ratioToJson: canonicalYaml.usPerObject / jsonStringify.usPerObject,
  };
}

function measure(
  objects: readonly object[],
  serialize: (o: object) => string,
  rounds: number,
): SerializerFigures {
  // Warm up so the JIT has compiled the serializer before the clock starts.
  for (const o of objects.slice(0, 2000)) serialize(o);
  let chars = 0;
  let totalMs = Number.POSITIVE_INFINITY;
  for (let round = 0; round < rounds; round++) {
    chars = 0;
    const start = process.hrtime.bigint();
    for (const o of objects) chars += serialize(o).length;
    totalMs = Math.min(totalMs, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { totalMs, usPerObject: (totalMs * 1000) / Math.max(objects.length, 1), chars };
}

/** A DescribeInstances item as collectors see it: ~40 top-level fields, nested lists and maps. */
function ec2Instance(i: number): Record<string, unknown> {
  const hex = i.toString(16).padStart(17, '0');
  const ip = `10.0.${(i >> 8) & 255}.${i & 255}`;
  return {
    AmiLaunchIndex: 0,
    ImageId: 'ami-0abcdef1234567890',
    InstanceId: `i-${hex}`,
    InstanceType: i % 3 === 0 ? 't3.micro' : 'm5.large',
    KeyName: 'ops-key',
    LaunchTime: '2026-01-15T10:00:00.000Z',
    Monitoring: { State: 'disabled' },
    Placement: { AvailabilityZone: 'eu-west-1a', GroupName: '', Tenancy: 'default' },
    PrivateDnsName: `ip-${ip.replaceAll('.', '-')}.eu-west-1.compute.internal`,
    PrivateIpAddress: ip,
    ProductCodes: [],
    PublicDnsName: '',
    State: { Code: 16, Name: 'running' },
    StateTransitionReason: '',
    SubnetId: 'subnet-0a1b2c3d4e5f67890',
    VpcId: 'vpc-0a1b2c3d4e5f67890',
    Architecture: 'x86_64',
    BlockDeviceMappings: [
      {
        DeviceName: '/dev/xvda',
        Ebs: {
          AttachTime: '2026-01-15T10:00:01.000Z',
          DeleteOnTermination: true,
          Status: 'attached',
          VolumeId: `vol-${hex}`,
        },
      },
    ],
    ClientToken: `terraform-${hex}`,
    EbsOptimized: false,
    EnaSupport: true,
    Hypervisor: 'xen',
    IamInstanceProfile: {
      Arn: 'arn:aws:iam::123456789012:instance-profile/web',
      Id: 'AIPAEXAMPLE',
    },
    NetworkInterfaces: [
      {
        Attachment: {
          AttachmentId: `eni-attach-${hex}`,
          DeleteOnTermination: true,
          DeviceIndex: 0,
        },
        Description: '',
        Groups: [{ GroupName: 'web', GroupId: 'sg-0a1b2c3d4e5f67890' }],
        Ipv6Addresses: [],
        MacAddress: '06:aa:bb:cc:dd:ee',
        NetworkInterfaceId: `eni-${hex}`,
        OwnerId: '123456789012',
        PrivateIpAddress: ip,
        PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: ip }],
        SourceDestCheck: true,
        Status: 'in-use',
        SubnetId: 'subnet-0a1b2c3d4e5f67890',
        VpcId: 'vpc-0a1b2c3d4e5f67890',
        InterfaceType: 'interface',
      },
    ],
    RootDeviceName: '/dev/xvda',
    RootDeviceType: 'ebs',
    SecurityGroups: [{ GroupName: 'web', GroupId: 'sg-0a1b2c3d4e5f67890' }],
    SourceDestCheck: true,
    Tags: [
      { Key: 'Name', Value: `web-${i}` },
      { Key: 'team', Value: 'platform' },
      { Key: 'aws:autoscaling:groupName', Value: 'web-asg' },
    ],
    VirtualizationType: 'hvm',
    CpuOptions: { CoreCount: 1, ThreadsPerCore: 2 },
    CapacityReservationSpecification: { CapacityReservationPreference: 'open' },
    HibernationOptions: { Configured: false },
    MetadataOptions: {
      State: 'applied',
      HttpTokens: 'required',
      HttpPutResponseHopLimit: 2,
      HttpEndpoint: 'enabled',
      HttpProtocolIpv6: 'disabled',
      InstanceMetadataTags: 'disabled',
    },
    EnclaveOptions: { Enabled: false },
    BootMode: 'uefi-preferred',
    PlatformDetails: 'Linux/UNIX',
    UsageOperation: 'RunInstances',
    UsageOperationUpdateTime: '2026-01-15T10:00:00.000Z',
    PrivateDnsNameOptions: {
      HostnameType: 'ip-name',
      EnableResourceNameDnsARecord: false,
      EnableResourceNameDnsAAAARecord: false,
    },
    MaintenanceOptions: { AutoRecovery: 'default' },
    CurrentInstanceBootMode: 'legacy-bios',
  };
}

function parseN(argv: readonly string[]): number {
  const at = argv.indexOf('--n');
  const raw = at === -1 ? undefined : argv[at + 1];
  const n = raw === undefined ? 20_000 : Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error('--n must be a positive integer');
  return n;
}

/** The figures as printable lines, for this script and `bench/run.ts`. */
export function formatCanonicalYamlBench(result: CanonicalYamlBenchResult): string[] {
  const row = (name: string, f: SerializerFigures): string =>
    `${name.padEnd(26)} ${f.usPerObject.toFixed(2).padStart(8)} µs/object ${f.totalMs.toFixed(1).padStart(9)} ms total ${String(f.chars).padStart(10)} chars`;
  return [
    `canonical YAML, ${result.n} EC2-instance-like objects`,
    row('toCanonicalYaml', result.canonicalYaml),
    row('yaml stringify (sorted)', result.yamlStringify),
    row('JSON.stringify', result.jsonStringify),
    `toCanonicalYaml / JSON.stringify = ${result.ratioToJson.toFixed(2)}x`,
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of formatCanonicalYamlBench(runCanonicalYamlBench(parseN(process.argv)))) {
    console.log(line);
  }
}
