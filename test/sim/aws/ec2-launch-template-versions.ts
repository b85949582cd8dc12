import {
  DescribeLaunchTemplateVersionsResult$,
  type LaunchTemplate,
  type LaunchTemplateVersion,
} from '@aws-sdk/client-ec2';
import {
  type DescribeInput,
  dryRunSucceeded,
  type Ec2CallContext,
  queryKey,
} from './ec2-describe.js';
import type { Ec2Answer } from './ec2-handlers.js';
import { invalidParameterValue, notFound, SimApiError } from './errors.js';
import { applyFilters, type FilterFields } from './filters.js';
import { pageOf } from './paging.js';

interface VersionsInput extends DescribeInput {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  Versions?: string[];
  MinVersion?: string;
  MaxVersion?: string;
}

const versionFields: FilterFields<LaunchTemplateVersion> = {
  'is-default-version': (v) => [v.DefaultVersion],
  'image-id': (v) => [v.LaunchTemplateData?.ImageId],
  'instance-type': (v) => [v.LaunchTemplateData?.InstanceType],
};

/**
 * DescribeLaunchTemplateVersions, MaxResults 1-200. With a template id or name: that template's
 * versions (numbers, `$Latest`, `$Default`, or a Min/Max range). Without one: `Versions` may only
 * hold `$Latest` and `$Default`, and the answer is those versions of every template in the region,
 * each version once, as the SDK's documentation of the request describes.
 */
export function describeLaunchTemplateVersions(
  raw: Record<string, unknown>,
  ctx: Ec2CallContext,
): Ec2Answer {
  const input = raw as VersionsInput;
  if (input.DryRun) throw dryRunSucceeded();
  const all = ctx.ec2.launchTemplateVersions;
  let selected: LaunchTemplateVersion[];
  if (input.LaunchTemplateId !== undefined || input.LaunchTemplateName !== undefined) {
    const template = oneTemplate(ctx.ec2.launchTemplates, input);
    const mine = all.filter((v) => v.LaunchTemplateId === template.LaunchTemplateId);
    const wanted = input.Versions?.map((v) => versionNumber(template, v));
    const min = input.MinVersion === undefined ? -Infinity : Number(input.MinVersion);
    const max = input.MaxVersion === undefined ? Infinity : Number(input.MaxVersion);
    selected = mine.filter((v) =>
      wanted
        ? wanted.includes(v.VersionNumber ?? 0)
        : (v.VersionNumber ?? 0) >= min && (v.VersionNumber ?? 0) <= max,
    );
  } else {
    const aliases = input.Versions ?? [];
    if (aliases.length === 0 || aliases.some((v) => v !== '$Latest' && v !== '$Default')) {
      throw new SimApiError(
        'MissingParameter',
        400,
        'The request must contain the parameter launchTemplateName or launchTemplateId, unless versions are $Latest or $Default',
      );
    }
    const numbers = new Map(
      ctx.ec2.launchTemplates.map((t) => [
        t.LaunchTemplateId,
        aliases.map((alias) => versionNumber(t, alias)),
      ]),
    );
    selected = all.filter((v) => numbers.get(v.LaunchTemplateId)?.includes(v.VersionNumber ?? 0));
  }
  const page = pageOf(
    applyFilters(selected, input.Filters, versionFields),
    input,
    queryKey(ctx, raw),
    { min: 1, max: 200 },
  );
  return {
    schema: DescribeLaunchTemplateVersionsResult$,
    output: {
      LaunchTemplateVersions: page.items,
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    },
    paginated: page.paginated,
  };
}

function oneTemplate(templates: readonly LaunchTemplate[], input: VersionsInput): LaunchTemplate {
  if (input.LaunchTemplateId !== undefined && input.LaunchTemplateName !== undefined)
    throw new SimApiError(
      'InvalidParameterCombination',
      400,
      'Specify either a launch template ID or name, not both.',
    );
  const template = templates.find((t) =>
    input.LaunchTemplateId !== undefined
      ? t.LaunchTemplateId === input.LaunchTemplateId
      : t.LaunchTemplateName === input.LaunchTemplateName,
  );
  if (template) return template;
  if (input.LaunchTemplateId !== undefined)
    throw notFound('InvalidLaunchTemplateId.NotFound', 'launch template ID', [
      input.LaunchTemplateId,
    ]);
  throw new SimApiError(
    'InvalidLaunchTemplateName.NotFoundException',
    400,
    'At least one of the launch templates specified in the request does not exist.',
  );
}

function versionNumber(template: LaunchTemplate, version: string): number {
  if (version === '$Latest') return template.LatestVersionNumber ?? 0;
  if (version === '$Default') return template.DefaultVersionNumber ?? 0;
  const number = Number(version);
  if (!Number.isInteger(number))
    throw invalidParameterValue(`Invalid launch template version: ${version}`);
  return number;
}
