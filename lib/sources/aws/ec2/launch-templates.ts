import { type LaunchTemplate, paginateDescribeLaunchTemplates } from '@aws-sdk/client-ec2';
import { defineEc2Collector, ec2Arn } from './define-ec2-collector.js';
import { readLaunchTemplateVersions } from './launch-template-versions.js';

// DescribeLaunchTemplates MaxResults: 1-200.
const PAGE_SIZE = 200;

/**
 * Launch templates, from DescribeLaunchTemplates pages of 200, with the data of their default
 * and latest versions under `supplementaryConfiguration.DefaultVersion` / `LatestVersion`.
 */
export const launchTemplateCollector = defineEc2Collector({
  resourceType: 'AWS::EC2::LaunchTemplate',
  operation: 'DescribeLaunchTemplates',
  pages: (client) => paginateDescribeLaunchTemplates({ client, pageSize: PAGE_SIZE }, {}),
  items: (page) => page.LaunchTemplates ?? [],
  identify: (template: LaunchTemplate, context) => {
    const id = template.LaunchTemplateId ?? '';
    return {
      id,
      arn: ec2Arn(context, 'launch-template', id),
      name: template.LaunchTemplateName,
      tags: template.Tags,
    };
  },
  supplement: readLaunchTemplateVersions,
});
