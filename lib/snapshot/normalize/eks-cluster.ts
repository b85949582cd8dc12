import type { Resource } from '../../model/schema.js';
import { sortedStrings } from './eks-lists.js';
import { canonicalJson, sortedBy } from './sort-list.js';
import { editConfiguration, editField, editItems, editObject, omit, pick } from './step.js';

// AWS moves these on its own: lifecycle status, health issues, and the EKS platform version it
// rolls forward within a Kubernetes version.
const VOLATILE = ['status', 'health', 'platformVersion'];

/** Drops an EKS cluster's `status`, `health` and `platformVersion`. */
export function dropClusterVolatileFields(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) => omit(configuration, VOLATILE));
}

/**
 * Drops the activation code of a registered (EKS Connector) cluster: it lets anyone register an
 * agent for the cluster until it expires, so it is a credential (DESIGN rule 2), whatever its shape.
 */
export function dropClusterConnectorSecret(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) =>
    editField(configuration, 'connectorConfig', (connector) =>
      editObject(connector, (c) => omit(c, ['activationCode'])),
    ),
  );
}

/**
 * Sorts an EKS cluster's set-like lists: VPC subnets, security groups and public access CIDRs,
 * the log setups and their types, encryption configs and their resources, Outpost ARNs, remote
 * node and pod networks (and their CIDRs), and Auto Mode node pools.
 */
export function sortClusterLists(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) => {
    let edited = editField(configuration, 'resourcesVpcConfig', (vpc) =>
      editObject(vpc, (v) => {
        let next = editField(v, 'subnetIds', sortedStrings);
        next = editField(next, 'securityGroupIds', sortedStrings);
        return editField(next, 'publicAccessCidrs', sortedStrings);
      }),
    );
    edited = editField(edited, 'logging', (logging) =>
      editObject(logging, (l) =>
        editField(l, 'clusterLogging', (setups) =>
          sortedBy(
            editItems(setups, (setup) => editField(setup, 'types', sortedStrings)),
            (setup) => [canonicalJson(setup)],
          ),
        ),
      ),
    );
    edited = editField(edited, 'encryptionConfig', (configs) =>
      sortedBy(
        editItems(configs, (config) => editField(config, 'resources', sortedStrings)),
        (config) => [pick(config, 'provider', 'keyArn')],
      ),
    );
    edited = editField(edited, 'outpostConfig', (outpost) =>
      editObject(outpost, (o) => editField(o, 'outpostArns', sortedStrings)),
    );
    edited = editField(edited, 'remoteNetworkConfig', (remote) =>
      editObject(remote, (r) => {
        const networks = (list: unknown): unknown =>
          sortedBy(
            editItems(list, (network) => editField(network, 'cidrs', sortedStrings)),
            (network) => [canonicalJson(network)],
          );
        return editField(
          editField(r, 'remoteNodeNetworks', networks),
          'remotePodNetworks',
          networks,
        );
      }),
    );
    return editField(edited, 'computeConfig', (compute) =>
      editObject(compute, (c) => editField(c, 'nodePools', sortedStrings)),
    );
  });
}
