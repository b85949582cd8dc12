import { DescribeAddonCommand, paginateListAddons } from '@aws-sdk/client-eks';
import { defineClusterChildCollector } from './define-cluster-child-collector.js';
import { EKS_PAGE_SIZE } from './eks-run.js';

/** EKS add-ons: ListAddons, DescribeAddon; id `cluster:addon` (as Terraform). */
export const addonCollector = defineClusterChildCollector({
  resourceType: 'AWS::EKS::Addon',
  listOperation: 'ListAddons',
  describeOperation: 'DescribeAddon',
  paginate: (client, clusterName) =>
    paginateListAddons({ client, pageSize: EKS_PAGE_SIZE }, { clusterName }),
  keys: (page) => page.addons,
  describe: async (client, clusterName, addonName: string) =>
    (await client.send(new DescribeAddonCommand({ clusterName, addonName }))).addon,
  identify: (addon, clusterName, name) => ({
    id: `${clusterName}:${name}`,
    arn: addon.addonArn,
    name: addon.addonName ?? name,
    tags: addon.tags,
  }),
});
