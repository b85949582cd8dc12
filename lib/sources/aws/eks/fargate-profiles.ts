import { DescribeFargateProfileCommand, paginateListFargateProfiles } from '@aws-sdk/client-eks';
import { defineClusterChildCollector } from './define-cluster-child-collector.js';
import { EKS_PAGE_SIZE } from './eks-run.js';

/** EKS Fargate profiles: ListFargateProfiles, DescribeFargateProfile; id `cluster:profile` (as Terraform). */
export const fargateProfileCollector = defineClusterChildCollector({
  resourceType: 'AWS::EKS::FargateProfile',
  listOperation: 'ListFargateProfiles',
  describeOperation: 'DescribeFargateProfile',
  paginate: (client, clusterName) =>
    paginateListFargateProfiles({ client, pageSize: EKS_PAGE_SIZE }, { clusterName }),
  keys: (page) => page.fargateProfileNames,
  describe: async (client, clusterName, fargateProfileName: string) =>
    (await client.send(new DescribeFargateProfileCommand({ clusterName, fargateProfileName })))
      .fargateProfile,
  identify: (profile, clusterName, name) => ({
    id: `${clusterName}:${name}`,
    arn: profile.fargateProfileArn,
    name: profile.fargateProfileName ?? name,
    tags: profile.tags,
  }),
});
