/** The ARN partition of a region (`aws`, `aws-cn`, `aws-us-gov`, ...). */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('eu-isoe-')) return 'aws-iso-e';
  if (region.startsWith('us-isof-')) return 'aws-iso-f';
  return 'aws';
}

/** Builds an ARN of the `<service>:<region>:<account>:<resource>` form. */
export function buildArn(
  service: string,
  region: string,
  accountId: string,
  resource: string,
): string {
  return `arn:${partitionOf(region)}:${service}:${region}:${accountId}:${resource}`;
}
