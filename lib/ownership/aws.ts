import type { Resource } from '../model/index.js';

/** Who else manages a resource, as the AWS API itself says (a tag, a flag, a default). */
export interface OwnershipFact {
  /** The kind of manager, stable for filtering: `cloudformation`, `autoscaling`, ... */
  readonly manager: OwnershipManager;
  /** What a person reads: `CloudFormation stack web-prod`. */
  readonly managedBy: string;
}

/** Every kind of manager statetrail recognizes. */
export type OwnershipManager =
  | 'cloudformation'
  | 'autoscaling'
  | 'karpenter'
  | 'eks'
  | 'load-balancer-controller'
  | 'ebs-csi'
  | 'aws-service'
  | 'aws-default';

type Rule = (resource: Resource, config: Record<string, unknown>) => OwnershipFact | undefined;

const fact = (manager: OwnershipManager, managedBy: string): OwnershipFact => ({
  manager,
  managedBy,
});

function clusterTagName(tags: Record<string, string>): string | undefined {
  for (const [key, value] of Object.entries(tags)) {
    if (key.startsWith('kubernetes.io/cluster/') && value === 'owned') {
      return key.slice('kubernetes.io/cluster/'.length);
    }
  }
  return undefined;
}

// The first rule that matches wins, so the most specific manager comes first: an instance of an
// EKS managed node group also carries its Auto Scaling group's tag.
const RULES: readonly Rule[] = [
  ({ tags }) => {
    const stack = tags['aws:cloudformation:stack-name'];
    return stack ? fact('cloudformation', `CloudFormation stack ${stack}`) : undefined;
  },
  ({ tags }) => {
    const cluster = tags['eks:cluster-name'];
    const group = tags['eks:nodegroup-name'];
    return cluster && group ? fact('eks', `EKS managed node group ${cluster}/${group}`) : undefined;
  },
  ({ tags }) => {
    const pool = tags['karpenter.sh/nodepool'] ?? tags['karpenter.sh/provisioner-name'];
    if (pool) return fact('karpenter', `Karpenter node pool ${pool}`);
    // The launch templates Karpenter makes carry their node class, not a pool.
    const nodeClass = tags['karpenter.k8s.aws/ec2nodeclass'];
    return nodeClass ? fact('karpenter', `Karpenter node class ${nodeClass}`) : undefined;
  },
  ({ tags }) => {
    const group = tags['aws:autoscaling:groupName'];
    return group ? fact('autoscaling', `Auto Scaling group ${group}`) : undefined;
  },
  ({ tags }) => {
    const cluster = tags['ebs.csi.aws.com/cluster'] === 'true' ? clusterTagName(tags) : undefined;
    const pvc = tags['kubernetes.io/created-for/pvc/name'];
    if (!pvc && tags['ebs.csi.aws.com/cluster'] !== 'true') return undefined;
    const namespace = tags['kubernetes.io/created-for/pvc/namespace'];
    const claim = pvc ? ` for PVC ${namespace ? `${namespace}/` : ''}${pvc}` : '';
    return fact('ebs-csi', `EBS CSI driver${cluster ? ` of cluster ${cluster}` : ''}${claim}`);
  },
  ({ tags }) => {
    const cluster = tags['elbv2.k8s.aws/cluster'];
    const stack = tags['ingress.k8s.aws/stack'] ?? tags['service.k8s.aws/stack'];
    if (!cluster && !stack) return undefined;
    return fact(
      'load-balancer-controller',
      `AWS Load Balancer Controller${cluster ? ` of cluster ${cluster}` : ''}${stack ? ` (${stack})` : ''}`,
    );
  },
  ({ resourceType, tags }, config) => {
    const cluster = tags['aws:eks:cluster-name'];
    if (cluster) return fact('eks', `EKS cluster ${cluster}`);
    const name = config['GroupName'];
    const owner = clusterTagName(tags);
    if (resourceType === 'AWS::EC2::SecurityGroup' && typeof name === 'string' && owner) {
      if (name.startsWith('eks-cluster-sg-')) return fact('eks', `EKS cluster ${owner}`);
      // The Kubernetes cloud provider's group for a Service's classic load balancer.
      if (name.startsWith('k8s-elb-')) {
        return fact('load-balancer-controller', `Kubernetes cloud provider of cluster ${owner}`);
      }
    }
    return undefined;
  },
  ({ resourceType }, config) => {
    // Addresses a load balancer or regional NAT took, endpoints Network Firewall made.
    const service = config['ServiceManaged'];
    if (resourceType === 'AWS::EC2::EIP' && typeof service === 'string') {
      return fact('aws-service', `AWS service ${service}`);
    }
    if (resourceType === 'AWS::EC2::VPCEndpoint' && config['RequesterManaged'] === true) {
      return fact('aws-service', 'AWS service (requester-managed endpoint)');
    }
    if (resourceType !== 'AWS::EC2::NetworkInterface') return undefined;
    if (config['RequesterManaged'] === true) {
      return fact('aws-service', `AWS service ${String(config['RequesterId'] ?? 'unknown')}`);
    }
    const type = config['InterfaceType'];
    if (typeof type === 'string' && type !== 'interface') {
      return fact('aws-service', `AWS service (${type} interface)`);
    }
    const description = config['Description'];
    if (typeof description === 'string' && description.startsWith('Amazon EKS ')) {
      return fact('eks', `EKS cluster ${description.slice('Amazon EKS '.length)}`);
    }
    return undefined;
  },
  ({ resourceType }, config) => {
    switch (resourceType) {
      case 'AWS::EC2::VPC':
        return config['IsDefault'] === true ? fact('aws-default', 'AWS default VPC') : undefined;
      case 'AWS::EC2::Subnet':
        return config['DefaultForAz'] === true
          ? fact('aws-default', 'AWS default subnet')
          : undefined;
      case 'AWS::EC2::SecurityGroup':
        return config['GroupName'] === 'default'
          ? fact('aws-default', `AWS default security group of ${String(config['VpcId'])}`)
          : undefined;
      case 'AWS::EC2::NetworkAcl':
        return config['IsDefault'] === true
          ? fact('aws-default', `AWS default network ACL of ${String(config['VpcId'])}`)
          : undefined;
      case 'AWS::EC2::RouteTable': {
        const associations = config['Associations'];
        const main =
          Array.isArray(associations) &&
          associations.some((a) => (a as Record<string, unknown>)['Main'] === true);
        return main
          ? fact('aws-default', `AWS main route table of ${String(config['VpcId'])}`)
          : undefined;
      }
      default:
        return undefined;
    }
  },
];

/**
 * Who else manages a resource, read from the record alone (tags, flags, defaults), so the drift
 * engine can report it as managed elsewhere instead of unmanaged, on any trail checkout.
 */
export function ownershipOf(resource: Resource): OwnershipFact | undefined {
  for (const rule of RULES) {
    const found = rule(resource, resource.configuration);
    if (found) return found;
  }
  return undefined;
}
