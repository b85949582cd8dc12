import {
  DescribePodIdentityAssociationCommand,
  paginateListPodIdentityAssociations,
} from '@aws-sdk/client-eks';
import { defineClusterChildCollector } from './define-cluster-child-collector.js';
import { EKS_PAGE_SIZE } from './eks-run.js';

/**
 * EKS Pod Identity associations: ListPodIdentityAssociations, DescribePodIdentityAssociation.
 * The id is the association id alone, as Terraform's state writes it (`id` = `association_id`);
 * only its import string is `cluster,associationId`. The name is `namespace/serviceAccount`.
 */
export const podIdentityAssociationCollector = defineClusterChildCollector({
  resourceType: 'AWS::EKS::PodIdentityAssociation',
  listOperation: 'ListPodIdentityAssociations',
  describeOperation: 'DescribePodIdentityAssociation',
  paginate: (client, clusterName) =>
    paginateListPodIdentityAssociations({ client, pageSize: EKS_PAGE_SIZE }, { clusterName }),
  keys: (page) => page.associations?.flatMap((a) => (a.associationId ? [a.associationId] : [])),
  describe: async (client, clusterName, associationId: string) =>
    (await client.send(new DescribePodIdentityAssociationCommand({ clusterName, associationId })))
      .association,
  identify: (association, _clusterName, associationId) => ({
    id: associationId,
    arn: association.associationArn,
    ...(association.namespace !== undefined && association.serviceAccount !== undefined
      ? { name: `${association.namespace}/${association.serviceAccount}` }
      : {}),
    tags: association.tags,
  }),
});
