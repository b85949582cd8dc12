import { paginateDescribeVolumes, type Volume } from '@aws-sdk/client-ec2';
import { defineEc2Collector, ec2Arn } from './define-ec2-collector.js';

// DescribeVolumes MaxResults: up to 1000 (older documentation said 500).
const PAGE_SIZE = 1000;

/** EBS volumes with their attachments, from DescribeVolumes pages of 1000. */
export const volumeCollector = defineEc2Collector({
  resourceType: 'AWS::EC2::Volume',
  operation: 'DescribeVolumes',
  pages: (client) => paginateDescribeVolumes({ client, pageSize: PAGE_SIZE }, {}),
  items: (page) => page.Volumes ?? [],
  identify: (volume: Volume, context) => {
    const id = volume.VolumeId ?? '';
    return { id, arn: volume.VolumeArn ?? ec2Arn(context, 'volume', id), tags: volume.Tags };
  },
});
