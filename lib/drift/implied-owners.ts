import type { Resource } from '../model/schema.js';

/**
 * A resource AWS made for another collected one (its parent): it is managed with the parent when
 * Terraform manages the parent, else by the parent's manager; `fallback` says who made it when
 * the parent has neither (EKS, for a node group nobody codified yet).
 */
export interface ImpliedOwner {
  /** The parent's position in the resource list. */
  readonly parent: number;
  readonly fallback?: string;
}

/** The owners one scan of the resources implies, and the AWS defaults they reveal. */
export interface ImpliedOwners {
  /** The parent of a resource, if another collected resource implies it. */
  ownerOf(resource: Resource): ImpliedOwner | undefined;
  /** Who manages a resource that belongs to an AWS default (the default VPC's internet gateway). */
  defaultOf(resource: Resource): string | undefined;
}

type Config = Readonly<Record<string, unknown>>;

const key = (r: Resource, resourceType: string, id: string) =>
  [r.accountId, r.awsRegion, resourceType, id].join('\u0000');

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

const objects = (value: unknown): Config[] =>
  Array.isArray(value) ? value.filter((v): v is Config => typeof v === 'object' && !!v) : [];

const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Config)[name] : undefined;

/** A child (type and id, or `name:<name>` for launch templates) and who made it. */
interface Implied {
  readonly resourceType: string;
  readonly id: string | undefined;
  readonly fallback?: string;
}

/** The children each collected type implies, read from the parent's own record. */
function impliedBy(r: Resource): Implied[] {
  const c = r.configuration;
  switch (r.resourceType) {
    // Volumes a launch made (the AMI's root, the template's devices) go with their instance;
    // one attached later by hand keeps DeleteOnTermination false unless someone changed it.
    case 'AWS::EC2::Instance':
      return objects(c['BlockDeviceMappings'])
        .map((m) => m['Ebs'])
        .filter((ebs) => field(ebs, 'DeleteOnTermination') === true)
        .map((ebs) => ({
          resourceType: 'AWS::EC2::Volume',
          id: text(field(ebs, 'VolumeId')),
          fallback: `EC2 instance ${r.resourceId} (launched with it)`,
        }));
    case 'AWS::EC2::NatGateway':
      return objects(c['NatGatewayAddresses']).map((a) => ({
        resourceType: 'AWS::EC2::EIP',
        id: text(a['AllocationId']),
      }));
    case 'AWS::EKS::Cluster': {
      const cluster = `EKS cluster ${String(c['name'] ?? r.resourceId)}`;
      const sg = text(field(c['resourcesVpcConfig'], 'clusterSecurityGroupId'));
      return [{ resourceType: 'AWS::EC2::SecurityGroup', id: sg, fallback: cluster }];
    }
    case 'AWS::EKS::Nodegroup': {
      const cluster = text(c['clusterName']);
      const group = `EKS managed node group ${cluster}/${String(c['nodegroupName'])}`;
      // EKS names the launch template it makes `eks-<node group uuid>`, the ARN's last part.
      const uuid = text(c['nodegroupArn'])?.split('/').at(-1);
      const role = text(c['nodeRole']);
      return [
        {
          resourceType: 'AWS::EC2::SecurityGroup',
          id: text(field(c['resources'], 'remoteAccessSecurityGroup')),
          fallback: group,
        },
        {
          resourceType: 'AWS::EC2::LaunchTemplate',
          id: uuid && `name:eks-${uuid}`,
          fallback: group,
        },
        {
          resourceType: 'AWS::EKS::AccessEntry',
          id: cluster && role && `${cluster}:${role}`,
          fallback: group,
        },
      ];
    }
    case 'AWS::EKS::FargateProfile': {
      const cluster = text(c['clusterName']);
      const role = text(c['podExecutionRoleArn']);
      return [
        {
          resourceType: 'AWS::EKS::AccessEntry',
          id: cluster && role && `${cluster}:${role}`,
          fallback: `EKS Fargate profile ${cluster}/${String(c['fargateProfileName'])}`,
        },
      ];
    }
    default:
      return [];
  }
}

// A child is found by its id, or (launch templates EKS made) by its name.
function childKeys(r: Resource): string[] {
  const keys = [key(r, r.resourceType, r.resourceId)];
  const name = text(r.configuration['LaunchTemplateName']);
  if (r.resourceType === 'AWS::EC2::LaunchTemplate' && name) {
    keys.push(key(r, r.resourceType, `name:${name}`));
  }
  return keys;
}

/**
 * Indexes what every collected resource implies about others, in one pass: each child is looked
 * up in its parent's account and region. The first parent listed wins (AWS gives one).
 */
export function impliedOwners(resources: readonly Resource[]): ImpliedOwners {
  const owners = new Map<string, ImpliedOwner>();
  const defaultVpcs = new Set<string>();
  for (let position = 0; position < resources.length; position += 1) {
    const r = resources[position] as Resource;
    if (r.resourceType === 'AWS::EC2::VPC' && r.configuration['IsDefault'] === true) {
      defaultVpcs.add(key(r, r.resourceType, r.resourceId));
    }
    for (const child of impliedBy(r)) {
      if (child.id === undefined) continue;
      const at = key(r, child.resourceType, child.id);
      if (owners.has(at)) continue;
      owners.set(at, {
        parent: position,
        ...(child.fallback === undefined ? {} : { fallback: child.fallback }),
      });
    }
  }
  return {
    ownerOf: (resource) =>
      childKeys(resource)
        .map((k) => owners.get(k))
        .find((o) => o !== undefined),
    defaultOf(resource) {
      if (resource.resourceType !== 'AWS::EC2::InternetGateway') return undefined;
      // AWS attaches an internet gateway to every default VPC it makes.
      const vpc = objects(resource.configuration['Attachments'])
        .map((a) => text(a['VpcId']))
        .find((id) => id && defaultVpcs.has(key(resource, 'AWS::EC2::VPC', id)));
      return vpc ? `AWS default internet gateway of ${vpc}` : undefined;
    },
  };
}
