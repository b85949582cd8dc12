import {
  type EC2Client,
  type LaunchTemplate,
  type LaunchTemplateVersion,
  paginateDescribeLaunchTemplateVersions,
} from '@aws-sdk/client-ec2';
import type { ScanWarning } from '../../../model/index.js';
import type { AwsCollectorContext } from '../../collector.js';
import type { Supplement, Supplements } from './define-ec2-collector.js';
import {
  noKeyWarning,
  type UserDataPolicy,
  userDataFingerprint,
  userDataPolicy,
} from './user-data.js';
import { ec2Warning } from './warnings.js';

// DescribeLaunchTemplateVersions MaxResults: 1-200.
const PAGE_SIZE = 200;

const OPERATION = 'DescribeLaunchTemplateVersions';

/**
 * The default and latest version of every template, in as few calls as the API allows: without a
 * template id or name, `Versions: ['$Latest', '$Default']` describes those versions of EVERY
 * template in the region (the SDK's DescribeLaunchTemplateVersionsRequest documentation), so this
 * is one paginated listing, never a call per template. A version missing from it (a template made
 * or changed between the two listings) is `unreadable`, as is everything when the listing fails.
 */
export async function readLaunchTemplateVersions(
  _templates: readonly LaunchTemplate[],
  context: AwsCollectorContext,
  client: EC2Client,
): Promise<Supplements<LaunchTemplate>> {
  const versions = new Map<string, LaunchTemplateVersion>();
  try {
    for await (const page of paginateDescribeLaunchTemplateVersions(
      { client, pageSize: PAGE_SIZE },
      { Versions: ['$Latest', '$Default'] },
    )) {
      context.countCall('ec2');
      for (const version of page.LaunchTemplateVersions ?? [])
        versions.set(versionKey(version.LaunchTemplateId, version.VersionNumber), version);
    }
  } catch (error) {
    const consequence =
      'launch templates recorded with DefaultVersion and LatestVersion unreadable';
    const warning = ec2Warning(context, OPERATION, error, consequence, 'AWS::EC2::LaunchTemplate');
    return { of: () => ({ unreadable: ['DefaultVersion', 'LatestVersion'] }), warnings: [warning] };
  }
  const policy = userDataPolicy(context);
  const warnings: ScanWarning[] = [];
  if (policy.kind === 'no-key' && [...versions.values()].some(hasUserData))
    warnings.push(noKeyWarning(context, OPERATION));
  return {
    of: (template) => supplementOf(template, versions, policy),
    warnings,
  };
}

function supplementOf(
  template: LaunchTemplate,
  versions: ReadonlyMap<string, LaunchTemplateVersion>,
  policy: UserDataPolicy,
): Supplement {
  const supplementary: Record<string, unknown> = {};
  const unreadable: string[] = [];
  const wanted = [
    ['DefaultVersion', template.DefaultVersionNumber],
    ['LatestVersion', template.LatestVersionNumber],
  ] as const;
  for (const [key, number] of wanted) {
    const version = versions.get(versionKey(template.LaunchTemplateId, number));
    if (!version) {
      unreadable.push(key);
      continue;
    }
    supplementary[key] = protectUserData(version, policy);
    if (policy.kind === 'no-key' && hasUserData(version)) unreadable.push(`${key}.UserData`);
  }
  return {
    ...(Object.keys(supplementary).length > 0 ? { supplementaryConfiguration: supplementary } : {}),
    unreadable,
  };
}

/**
 * A version whose inline `LaunchTemplateData.UserData` (base64, often holding secrets) is gone,
 * or replaced by its HMAC fingerprint when one is asked for and a key is given.
 */
export function protectUserData(
  version: LaunchTemplateVersion,
  policy: UserDataPolicy,
): LaunchTemplateVersion {
  const data = version.LaunchTemplateData;
  if (!data || data.UserData === undefined) return version;
  const { UserData: userData, ...rest } = data;
  return {
    ...version,
    LaunchTemplateData:
      policy.kind === 'fingerprint'
        ? { ...rest, UserData: userDataFingerprint(policy.key, userData) }
        : rest,
  };
}

function hasUserData(version: LaunchTemplateVersion): boolean {
  return Boolean(version.LaunchTemplateData?.UserData);
}

function versionKey(templateId: string | undefined, number: number | undefined): string {
  return `${templateId ?? ''}#${number ?? ''}`;
}
