import {
  type Address,
  DescribeAddressesResult$,
  DescribeKeyPairsResult$,
  type KeyPairInfo,
} from '@aws-sdk/client-ec2';
import {
  type DescribeInput,
  dryRunSucceeded,
  type Ec2CallContext,
  selectByIds,
} from './ec2-describe.js';
import type { Ec2Answer } from './ec2-handlers.js';
import { applyFilters, type FilterFields } from './filters.js';

// These two APIs have no MaxResults and no NextToken: every item comes in one answer, and the
// call log marks them neither paginated nor unpaginated.

const addressFields: FilterFields<Address> = {
  'allocation-id': (a) => [a.AllocationId],
  'association-id': (a) => [a.AssociationId],
  domain: (a) => [a.Domain],
  'instance-id': (a) => [a.InstanceId],
  'network-interface-id': (a) => [a.NetworkInterfaceId],
  'public-ip': (a) => [a.PublicIp],
};

/** DescribeAddresses. */
export function describeAddresses(raw: Record<string, unknown>, ctx: Ec2CallContext): Ec2Answer {
  const input = raw as DescribeInput & { AllocationIds?: string[]; PublicIps?: string[] };
  if (input.DryRun) throw dryRunSucceeded();
  const byAllocation = selectByIds(
    ctx.ec2.addresses,
    input.AllocationIds,
    (a) => a.AllocationId,
    'InvalidAllocationID.NotFound',
    'allocation ID',
  );
  const byIp = selectByIds(
    byAllocation,
    input.PublicIps,
    (a) => a.PublicIp,
    'InvalidAddress.NotFound',
    'address',
  );
  return {
    schema: DescribeAddressesResult$,
    output: { Addresses: applyFilters(byIp, input.Filters, addressFields, (a) => a.Tags) },
  };
}

const keyPairFields: FilterFields<KeyPairInfo> = {
  'key-pair-id': (k) => [k.KeyPairId],
  'key-name': (k) => [k.KeyName],
  fingerprint: (k) => [k.KeyFingerprint],
};

/** DescribeKeyPairs (public key material only with IncludePublicKey). */
export function describeKeyPairs(raw: Record<string, unknown>, ctx: Ec2CallContext): Ec2Answer {
  const input = raw as DescribeInput & {
    KeyNames?: string[];
    KeyPairIds?: string[];
    IncludePublicKey?: boolean;
  };
  if (input.DryRun) throw dryRunSucceeded();
  const byName = selectByIds(
    ctx.ec2.keyPairs,
    input.KeyNames,
    (k) => k.KeyName,
    'InvalidKeyPair.NotFound',
    'key pair',
  );
  const byId = selectByIds(
    byName,
    input.KeyPairIds,
    (k) => k.KeyPairId,
    'InvalidKeyPair.NotFound',
    'key pair',
  );
  const keys = applyFilters(byId, input.Filters, keyPairFields, (k) => k.Tags).map(
    ({ PublicKey, ...key }) =>
      input.IncludePublicKey && PublicKey !== undefined ? { ...key, PublicKey } : key,
  );
  return { schema: DescribeKeyPairsResult$, output: { KeyPairs: keys } };
}
