import { normalizeBoolean } from '../normalize-values.js';
import { field, TAGS } from './common.js';
import { blockAt, configAt, idAttribute, stateAt } from './read.js';
import type { TypeMapping } from './types.js';

const groupIds = (groups: unknown) =>
  Array.isArray(groups) ? groups.map((g) => (g as Record<string, unknown>)['GroupId']) : groups;

/** `aws_instance` -> `AWS::EC2::Instance`. */
export const AWS_INSTANCE: TypeMapping = {
  terraformTypes: ['aws_instance'],
  resourceType: 'AWS::EC2::Instance',
  role: 'primary',
  cloudId: idAttribute,
  attributes: [
    field('instance_type', ['InstanceType']),
    field('ami', ['ImageId']),
    field('subnet_id', ['SubnetId']),
    field('key_name', ['KeyName']),
    field('ebs_optimized', ['EbsOptimized'], 'bool'),
    field('source_dest_check', ['SourceDestCheck'], 'bool'),
    {
      ...field('vpc_security_group_ids', [], 'set'),
      cloud: (resource) => groupIds(configAt(resource, 'SecurityGroups')),
    },
    {
      name: 'monitoring',
      state: (attributes) => stateAt(attributes, 'monitoring'),
      // `pending` is detailed monitoring being switched on: what Terraform asked for.
      cloud: (resource) => {
        const state = configAt(resource, 'Monitoring', 'State');
        return state === undefined ? undefined : state === 'enabled' || state === 'pending';
      },
      normalize: (value) => normalizeBoolean(value) ?? false,
    },
    {
      name: 'metadata_options.http_tokens',
      state: (attributes) => blockAt(attributes, 'metadata_options', 'http_tokens'),
      cloud: (resource) => configAt(resource, 'MetadataOptions', 'HttpTokens'),
      normalize: (value) => (typeof value === 'string' && value !== '' ? value : null),
    },
    TAGS,
  ],
};
