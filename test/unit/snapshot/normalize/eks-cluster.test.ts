import { describe, expect, it } from 'vitest';
import {
  dropClusterConnectorSecret,
  dropClusterVolatileFields,
  sortClusterLists,
} from '../../../../lib/snapshot/normalize/eks-cluster.js';
import { deepFreeze, resourceOf } from './fixtures.js';

const TYPE = 'AWS::EKS::Cluster';

describe('Function: dropClusterVolatileFields', () => {
  it.each([
    [
      'drops status, health and platformVersion',
      {
        name: 'prod',
        status: 'UPDATING',
        health: { issues: [{ code: 'Ec2SubnetNotFound' }] },
        platformVersion: 'eks.12',
        version: '1.31',
      },
      { name: 'prod', version: '1.31' },
    ],
    [
      'keeps createdAt, the certificate authority and the OIDC issuer',
      {
        createdAt: '2026-03-10T08:21:45.000Z',
        certificateAuthority: { data: 'LS0t' },
        identity: { oidc: { issuer: 'https://oidc.eks.eu-west-1.amazonaws.com/id/AB' } },
      },
      {
        createdAt: '2026-03-10T08:21:45.000Z',
        certificateAuthority: { data: 'LS0t' },
        identity: { oidc: { issuer: 'https://oidc.eks.eu-west-1.amazonaws.com/id/AB' } },
      },
    ],
  ])('%s', (_name, configuration, expected) => {
    const output = dropClusterVolatileFields(deepFreeze(resourceOf(TYPE, configuration)));
    expect(output.configuration).toStrictEqual(expected);
  });
});

describe('Function: dropClusterConnectorSecret', () => {
  it.each([
    [
      'drops the activation code of a registered cluster, keeping the rest',
      {
        connectorConfig: {
          activationId: 'act-1',
          activationCode: 'secret-code',
          provider: 'EKS_ANYWHERE',
          roleArn: 'arn:aws:iam::111111111111:role/connector',
        },
      },
      {
        connectorConfig: {
          activationId: 'act-1',
          provider: 'EKS_ANYWHERE',
          roleArn: 'arn:aws:iam::111111111111:role/connector',
        },
      },
    ],
    ['leaves a cluster without a connector alone', { name: 'prod' }, { name: 'prod' }],
  ])('%s', (_name, configuration, expected) => {
    const output = dropClusterConnectorSecret(deepFreeze(resourceOf(TYPE, configuration)));
    expect(output.configuration).toStrictEqual(expected);
  });
});

describe('Function: sortClusterLists', () => {
  it.each([
    [
      'sorts VPC subnets, security groups and public access CIDRs',
      {
        resourcesVpcConfig: {
          subnetIds: ['subnet-b', 'subnet-a'],
          securityGroupIds: ['sg-2', 'sg-1'],
          publicAccessCidrs: ['203.0.113.0/24', '198.51.100.10/32'],
          vpcId: 'vpc-1',
        },
      },
      {
        resourcesVpcConfig: {
          subnetIds: ['subnet-a', 'subnet-b'],
          securityGroupIds: ['sg-1', 'sg-2'],
          publicAccessCidrs: ['198.51.100.10/32', '203.0.113.0/24'],
          vpcId: 'vpc-1',
        },
      },
    ],
    [
      'sorts log types inside each setup, then the setups',
      {
        logging: {
          clusterLogging: [
            { types: ['scheduler', 'api'], enabled: true },
            { types: ['audit'], enabled: false },
          ],
        },
      },
      {
        logging: {
          clusterLogging: [
            { types: ['audit'], enabled: false },
            { types: ['api', 'scheduler'], enabled: true },
          ],
        },
      },
    ],
    [
      'sorts encryption configs by key, and the resources of each',
      {
        encryptionConfig: [
          { resources: ['secrets', 'configmaps'], provider: { keyArn: 'arn:key/b' } },
          { resources: ['secrets'], provider: { keyArn: 'arn:key/a' } },
        ],
      },
      {
        encryptionConfig: [
          { resources: ['secrets'], provider: { keyArn: 'arn:key/a' } },
          { resources: ['configmaps', 'secrets'], provider: { keyArn: 'arn:key/b' } },
        ],
      },
    ],
    [
      'sorts remote networks and their CIDRs, Outpost ARNs and Auto Mode node pools',
      {
        outpostConfig: { outpostArns: ['arn:op/2', 'arn:op/1'] },
        remoteNetworkConfig: {
          remoteNodeNetworks: [
            { cidrs: ['10.9.0.0/16', '10.8.0.0/16'] },
            { cidrs: ['10.1.0.0/16'] },
          ],
          remotePodNetworks: [{ cidrs: ['10.7.0.0/16'] }],
        },
        computeConfig: { enabled: true, nodePools: ['system', 'general-purpose'] },
      },
      {
        outpostConfig: { outpostArns: ['arn:op/1', 'arn:op/2'] },
        remoteNetworkConfig: {
          remoteNodeNetworks: [
            { cidrs: ['10.1.0.0/16'] },
            { cidrs: ['10.8.0.0/16', '10.9.0.0/16'] },
          ],
          remotePodNetworks: [{ cidrs: ['10.7.0.0/16'] }],
        },
        computeConfig: { enabled: true, nodePools: ['general-purpose', 'system'] },
      },
    ],
    ['leaves a cluster without those lists alone', { name: 'prod' }, { name: 'prod' }],
  ])('%s', (_name, configuration, expected) => {
    const output = sortClusterLists(deepFreeze(resourceOf(TYPE, configuration)));
    expect(output.configuration).toStrictEqual(expected);
  });
});
