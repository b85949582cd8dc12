import type { Resource } from './schema.js';

/** The `<service>/<type>` directory of a CloudFormation type: `AWS::EC2::SecurityGroup` -> `ec2/securitygroup`. */
export function typeDirectory(resourceType: string): string {
  const [, service, type] = resourceType.split('::');
  if (!service || !type) throw new TypeError(`Not a CloudFormation type name: ${resourceType}`);
  return `${service.toLowerCase()}/${type.toLowerCase()}`;
}

/** The scope (trail directory) that holds every resource of one type in one account and region. */
export function awsScope(accountId: string, region: string, resourceType: string): string {
  return `aws/${accountId}/${region}/${typeDirectory(resourceType)}`;
}

/** The scope a resource belongs to. */
export function scopeOf(resource: Resource): string {
  return awsScope(resource.accountId, resource.awsRegion, resource.resourceType);
}
