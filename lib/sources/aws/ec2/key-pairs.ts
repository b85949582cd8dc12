import { DescribeKeyPairsCommand, type KeyPairInfo } from '@aws-sdk/client-ec2';
import { defineEc2Collector, ec2Arn, singlePage } from './define-ec2-collector.js';

/**
 * Key pairs. DescribeKeyPairs has no paging (no MaxResults, no NextToken), so one call per scan.
 * The id is the key name, as Terraform's `aws_key_pair` uses; the ARN uses the `key-` id. Public
 * key material is not asked for (IncludePublicKey): the fingerprint already tells a change.
 */
export const keyPairCollector = defineEc2Collector({
  resourceType: 'AWS::EC2::KeyPair',
  operation: 'DescribeKeyPairs',
  pages: (client) => singlePage(() => client.send(new DescribeKeyPairsCommand({}))),
  items: (page) => page.KeyPairs ?? [],
  identify: (key: KeyPairInfo, context) => ({
    id: key.KeyName ?? '',
    arn: ec2Arn(context, 'key-pair', key.KeyPairId ?? ''),
    name: key.KeyName,
    tags: key.Tags,
  }),
});
