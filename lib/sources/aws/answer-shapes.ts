/**
 * What a successful answer of one AWS operation looks like, as far as telling it from a broken
 * 2xx (a proxy's HTML page, an empty body, another API's answer, `{}`) needs: the SDK reads all of
 * those as an output whose lists are undefined, which a collector would take for "none".
 */
export interface AnswerShape {
  /** How the body is encoded. */
  readonly body: 'xml' | 'json';
  /** The XML document's root element (its local name). */
  readonly root?: string;
  /** Output members that must be lists: EC2 and S3 send an empty element, EKS `[]`, for none. */
  readonly lists?: readonly string[];
  /** Output members that must be objects (a Describe's one resource). */
  readonly objects?: readonly string[];
  /** Members a JSON body itself must hold (S3's policy document is the body). */
  readonly bodyKeys?: readonly string[];
}

// EC2's Query API wraps every answer in `<OperationResponse>` and always sends the list element,
// empty (`<reservationSet/>`) when there is nothing: absent means the answer is not the API's.
function ec2(operation: string, ...lists: string[]): [string, AnswerShape] {
  return [operation, { body: 'xml', root: `${operation}Response`, lists }];
}

function eksList(operation: string, list: string): [string, AnswerShape] {
  return [operation, { body: 'json', lists: [list] }];
}

function eksDescribe(operation: string, object: string): [string, AnswerShape] {
  return [operation, { body: 'json', objects: [object] }];
}

function s3(operation: string, root: string): [string, AnswerShape] {
  return [operation, { body: 'xml', root }];
}

/** The expected answer of every EC2, EKS and S3 operation a collector calls, by operation name. */
export const ANSWER_SHAPES: ReadonlyMap<string, AnswerShape> = new Map([
  ec2('DescribeRegions', 'Regions'),
  ec2('DescribeInstances', 'Reservations'),
  ec2('DescribeInstanceAttribute'),
  ec2('DescribeKeyPairs', 'KeyPairs'),
  ec2('DescribeAddresses', 'Addresses'),
  ec2('DescribeVpcs', 'Vpcs'),
  ec2('DescribeVpcAttribute'),
  ec2('DescribeSubnets', 'Subnets'),
  ec2('DescribeRouteTables', 'RouteTables'),
  ec2('DescribeNetworkAcls', 'NetworkAcls'),
  ec2('DescribeInternetGateways', 'InternetGateways'),
  ec2('DescribeEgressOnlyInternetGateways', 'EgressOnlyInternetGateways'),
  ec2('DescribeNatGateways', 'NatGateways'),
  ec2('DescribeVolumes', 'Volumes'),
  ec2('DescribeNetworkInterfaces', 'NetworkInterfaces'),
  ec2('DescribeSecurityGroups', 'SecurityGroups'),
  ec2('DescribeSecurityGroupRules', 'SecurityGroupRules'),
  ec2('DescribeLaunchTemplates', 'LaunchTemplates'),
  ec2('DescribeLaunchTemplateVersions', 'LaunchTemplateVersions'),
  ec2('DescribeVpcEndpoints', 'VpcEndpoints'),
  ec2('DescribeVpcPeeringConnections', 'VpcPeeringConnections'),
  ec2('DescribeManagedPrefixLists', 'PrefixLists'),
  ec2('GetManagedPrefixListEntries', 'Entries'),
  eksList('ListClusters', 'clusters'),
  eksDescribe('DescribeCluster', 'cluster'),
  eksList('ListNodegroups', 'nodegroups'),
  eksDescribe('DescribeNodegroup', 'nodegroup'),
  eksList('ListAddons', 'addons'),
  eksDescribe('DescribeAddon', 'addon'),
  eksList('ListFargateProfiles', 'fargateProfileNames'),
  eksDescribe('DescribeFargateProfile', 'fargateProfile'),
  eksList('ListAccessEntries', 'accessEntries'),
  eksDescribe('DescribeAccessEntry', 'accessEntry'),
  eksList('ListAssociatedAccessPolicies', 'associatedAccessPolicies'),
  eksList('ListIdentityProviderConfigs', 'identityProviderConfigs'),
  eksDescribe('DescribeIdentityProviderConfig', 'identityProviderConfig'),
  eksList('ListPodIdentityAssociations', 'associations'),
  eksDescribe('DescribePodIdentityAssociation', 'association'),
  ['ListBuckets', { body: 'xml', root: 'ListAllMyBucketsResult', lists: ['Buckets'] }],
  s3('GetBucketVersioning', 'VersioningConfiguration'),
  s3('GetBucketEncryption', 'ServerSideEncryptionConfiguration'),
  ['GetBucketPolicy', { body: 'json', bodyKeys: ['Statement'] }],
  s3('GetPublicAccessBlock', 'PublicAccessBlockConfiguration'),
  s3('GetBucketOwnershipControls', 'OwnershipControls'),
  s3('GetBucketLifecycleConfiguration', 'LifecycleConfiguration'),
  s3('GetBucketLogging', 'BucketLoggingStatus'),
  s3('GetBucketTagging', 'Tagging'),
  s3('GetBucketCors', 'CORSConfiguration'),
  s3('GetBucketWebsite', 'WebsiteConfiguration'),
  s3('GetBucketReplication', 'ReplicationConfiguration'),
  s3('GetObjectLockConfiguration', 'ObjectLockConfiguration'),
  s3('GetBucketNotificationConfiguration', 'NotificationConfiguration'),
  s3('GetBucketAccelerateConfiguration', 'AccelerateConfiguration'),
  s3('GetBucketRequestPayment', 'RequestPaymentConfiguration'),
]);
