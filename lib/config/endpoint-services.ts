/**
 * Services whose endpoint `--endpoint` and `aws.endpoints` may redirect. This module imports
 * nothing, so the CLI's help text can name them without loading a schema.
 */
export const ENDPOINT_SERVICES = [
  'ec2',
  'sts',
  's3',
  'eks',
  'organizations',
  'cloudtrail',
  'sns',
] as const;
