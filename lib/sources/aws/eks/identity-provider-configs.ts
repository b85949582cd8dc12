import {
  DescribeIdentityProviderConfigCommand,
  type IdentityProviderConfig,
  paginateListIdentityProviderConfigs,
} from '@aws-sdk/client-eks';
import { defineClusterChildCollector } from './define-cluster-child-collector.js';
import { EKS_PAGE_SIZE } from './eks-run.js';

/**
 * EKS identity provider configs: ListIdentityProviderConfigs, then DescribeIdentityProviderConfig
 * (a POST naming the config's type and name). The configuration is the SDK's response object,
 * `{ oidc: {...} }`, so the provider type stays visible; id `cluster:configName` (as Terraform).
 */
export const identityProviderConfigCollector = defineClusterChildCollector({
  resourceType: 'AWS::EKS::IdentityProviderConfig',
  listOperation: 'ListIdentityProviderConfigs',
  describeOperation: 'DescribeIdentityProviderConfig',
  paginate: (client, clusterName) =>
    paginateListIdentityProviderConfigs({ client, pageSize: EKS_PAGE_SIZE }, { clusterName }),
  keys: (page) => page.identityProviderConfigs,
  describe: async (client, clusterName, identityProviderConfig: IdentityProviderConfig) =>
    (
      await client.send(
        new DescribeIdentityProviderConfigCommand({ clusterName, identityProviderConfig }),
      )
    ).identityProviderConfig,
  identify: (config, clusterName, key) => ({
    id: `${clusterName}:${key.name ?? ''}`,
    arn: config.oidc?.identityProviderConfigArn,
    name: config.oidc?.identityProviderConfigName ?? key.name,
    tags: config.oidc?.tags,
  }),
});
