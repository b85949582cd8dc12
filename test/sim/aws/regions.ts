import type { Region } from '@aws-sdk/client-ec2';

/** The commercial regions DescribeRegions lists by default (enabled without opt-in). */
export function defaultRegions(): Region[] {
  const names = [
    'ap-northeast-1',
    'ap-northeast-2',
    'ap-northeast-3',
    'ap-south-1',
    'ap-southeast-1',
    'ap-southeast-2',
    'ca-central-1',
    'eu-central-1',
    'eu-north-1',
    'eu-west-1',
    'eu-west-2',
    'eu-west-3',
    'sa-east-1',
    'us-east-1',
    'us-east-2',
    'us-west-1',
    'us-west-2',
  ];
  return names.map((name) => ({
    Endpoint: `ec2.${name}.amazonaws.com`,
    RegionName: name,
    OptInStatus: 'opt-in-not-required',
  }));
}
