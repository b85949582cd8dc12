import {
  type Address,
  DescribeAddressesResult$,
  DescribeKeyPairsResult$,
  type KeyPairInfo,
  type Tag,
} from '@aws-sdk/client-ec2';
import {
  type DescribeInput,
  dryRunSucceeded,
  type Ec2CallContext,
  selectByIds,
} from './ec2-describe.js';
import type { Ec2Answer } from './ec2-handlers.js';
import { applyFilters, type FilterFields } from './filters.js';
import type { Ec2RegionWorld } from './world.js';

// These two APIs have no MaxResults and no NextToken: every item comes in one answer, and the
// call log marks them neither paginated nor unpaginated.

/** One id parameter (`AllocationIds`, `KeyNames`...) and the error for ids that do not exist. */
interface IdsParam<T> {
  name: string;
  id: (item: T) => string | undefined;
  notFoundCode: string;
  notFoundNoun: string;
}

/** How an unpaginated type is described: its list, its id parameters and its filters. */
interface UnpaginatedSpec<T> {
  list: (ec2: Ec2RegionWorld) => readonly T[];
  /** Applied in order: an item must have one of the ids of every parameter given. */
  idsParams: readonly IdsParam<T>[];
  fields: FilterFields<T>;
  tags: (item: T) => readonly Tag[] | undefined;
}

/** Selects by each id parameter, then filters: the order EC2 applies them. */
function describeAll<T>(
  spec: UnpaginatedSpec<T>,
  raw: Record<string, unknown>,
  ctx: Ec2CallContext,
): T[] {
  const input = raw as DescribeInput & Record<string, unknown>;
  if (input.DryRun) throw dryRunSucceeded();
  let selected = spec.list(ctx.ec2);
  for (const param of spec.idsParams) {
    const ids = input[param.name] as string[] | undefined;
    selected = selectByIds(selected, ids, param.id, param.notFoundCode, param.notFoundNoun);
  }
  return applyFilters(selected, input.Filters, spec.fields, spec.tags);
}

const addressSpec: UnpaginatedSpec<Address> = {
  list: (ec2) => ec2.addresses,
  idsParams: [
    {
      name: 'AllocationIds',
      id: (a) => a.AllocationId,
      notFoundCode: 'InvalidAllocationID.NotFound',
      notFoundNoun: 'allocation ID',
    },
    {
      name: 'PublicIps',
      id: (a) => a.PublicIp,
      notFoundCode: 'InvalidAddress.NotFound',
      notFoundNoun: 'address',
    },
  ],
  fields: {
    'allocation-id': (a) => [a.AllocationId],
    'association-id': (a) => [a.AssociationId],
    domain: (a) => [a.Domain],
    'instance-id': (a) => [a.InstanceId],
    'network-interface-id': (a) => [a.NetworkInterfaceId],
    'public-ip': (a) => [a.PublicIp],
  },
  tags: (a) => a.Tags,
};

/** DescribeAddresses. */
export function describeAddresses(raw: Record<string, unknown>, ctx: Ec2CallContext): Ec2Answer {
  return {
    schema: DescribeAddressesResult$,
    output: { Addresses: describeAll(addressSpec, raw, ctx) },
  };
}

const keyPairSpec: UnpaginatedSpec<KeyPairInfo> = {
  list: (ec2) => ec2.keyPairs,
  idsParams: [
    {
      name: 'KeyNames',
      id: (k) => k.KeyName,
      notFoundCode: 'InvalidKeyPair.NotFound',
      notFoundNoun: 'key pair',
    },
    {
      name: 'KeyPairIds',
      id: (k) => k.KeyPairId,
      notFoundCode: 'InvalidKeyPair.NotFound',
      notFoundNoun: 'key pair',
    },
  ],
  fields: {
    'key-pair-id': (k) => [k.KeyPairId],
    'key-name': (k) => [k.KeyName],
    fingerprint: (k) => [k.KeyFingerprint],
  },
  tags: (k) => k.Tags,
};

/** DescribeKeyPairs (public key material only with IncludePublicKey). */
export function describeKeyPairs(raw: Record<string, unknown>, ctx: Ec2CallContext): Ec2Answer {
  const { IncludePublicKey } = raw as { IncludePublicKey?: boolean };
  const keys = describeAll(keyPairSpec, raw, ctx).map(({ PublicKey, ...key }) =>
    IncludePublicKey && PublicKey !== undefined ? { ...key, PublicKey } : key,
  );
  return { schema: DescribeKeyPairsResult$, output: { KeyPairs: keys } };
}
