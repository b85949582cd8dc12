/** An EKS operation found at a request's method and path, with its decoded path labels. */
export interface EksRoute {
  readonly operation: string;
  readonly labels: Record<string, string>;
}

// The operations' HTTP bindings as @aws-sdk/client-eks declares them (schemas_0.js `http` traits).
const ROUTES: readonly (readonly [method: string, path: string, operation: string])[] = [
  ['GET', '/clusters', 'ListClusters'],
  ['GET', '/clusters/{name}', 'DescribeCluster'],
  ['GET', '/clusters/{clusterName}/node-groups', 'ListNodegroups'],
  ['GET', '/clusters/{clusterName}/node-groups/{nodegroupName}', 'DescribeNodegroup'],
  ['GET', '/clusters/{clusterName}/addons', 'ListAddons'],
  ['GET', '/clusters/{clusterName}/addons/{addonName}', 'DescribeAddon'],
  ['GET', '/clusters/{clusterName}/fargate-profiles', 'ListFargateProfiles'],
  [
    'GET',
    '/clusters/{clusterName}/fargate-profiles/{fargateProfileName}',
    'DescribeFargateProfile',
  ],
  ['GET', '/clusters/{clusterName}/access-entries', 'ListAccessEntries'],
  ['GET', '/clusters/{clusterName}/access-entries/{principalArn}', 'DescribeAccessEntry'],
  [
    'GET',
    '/clusters/{clusterName}/access-entries/{principalArn}/access-policies',
    'ListAssociatedAccessPolicies',
  ],
  ['GET', '/clusters/{clusterName}/pod-identity-associations', 'ListPodIdentityAssociations'],
  [
    'GET',
    '/clusters/{clusterName}/pod-identity-associations/{associationId}',
    'DescribePodIdentityAssociation',
  ],
  ['GET', '/clusters/{clusterName}/identity-provider-configs', 'ListIdentityProviderConfigs'],
  [
    'POST',
    '/clusters/{clusterName}/identity-provider-configs/describe',
    'DescribeIdentityProviderConfig',
  ],
];

/** Query parameters that are numbers in the SDK's input shape (the rest are strings). */
export const NUMERIC_QUERY = new Set(['maxResults']);

/**
 * The operation at `method` and raw `path`, or undefined. Labels are split on the raw `/` and then
 * percent-decoded, so an ARN sent as one encoded label (`arn%3Aaws%3Aiam...%2Fadmin`) stays one.
 */
export function matchEksRoute(method: string, path: string): EksRoute | undefined {
  const segments = path.split('/').slice(1);
  for (const [routeMethod, pattern, operation] of ROUTES) {
    if (routeMethod !== method) continue;
    const parts = pattern.split('/').slice(1);
    if (parts.length !== segments.length) continue;
    const labels: Record<string, string> = {};
    const matched = parts.every((part, i) => {
      const segment = segments[i] ?? '';
      if (!part.startsWith('{')) return part === segment;
      const value = decodeLabel(segment);
      if (value === undefined || value === '') return false;
      labels[part.slice(1, -1)] = value;
      return true;
    });
    if (matched) return { operation, labels };
  }
  return undefined;
}

function decodeLabel(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
