import { looksLikeCredential, REDACTED } from '../snapshot/normalize/redact-credentials.js';
import type { CloudTrailRecord } from './cloudtrail-event.js';
import type { ChangeEvent, ChangeIdentity, ChangeVia } from './schema.js';

// Order matters: Terraform's user agent names the Go SDK it is built on, so it is tested first.
const AGENT_RULES: readonly (readonly [RegExp, ChangeVia])[] = [
  [/\bTerraform\/|terraform-provider-aws|\bOpenTofu\b/i, 'terraform'],
  [/cloudformation\.amazonaws\.com/i, 'cloudformation'],
  [
    /^(AWS Internal|console\.[a-z0-9.-]*amazonaws\.com|signin\.amazonaws\.com)|\bconsole\.amazonaws\.com/i,
    'console',
  ],
  [/^aws-cli\/|\baws-cli\//i, 'cli'],
  [/aws-sdk-|Boto3\/|Botocore\/|aws-internal\/|\bsdk-/i, 'sdk'],
];

/** A string safe to keep: a credential-shaped value (a token someone put in a session name) is redacted. */
function safe(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return looksLikeCredential(value) ? REDACTED : value;
}

/** How an event was made: Terraform, CloudFormation, an AWS service, the console, the CLI, an SDK. */
export function classifyVia(record: CloudTrailRecord): ChangeVia {
  const agent = record.userAgent ?? '';
  const identity = record.userIdentity;
  for (const [pattern, via] of AGENT_RULES.slice(0, 2)) if (pattern.test(agent)) return via;
  if (identity.invokedBy === 'cloudformation.amazonaws.com') return 'cloudformation';
  if (identity.type === 'AWSService' || /\.amazonaws\.com$/.test(record.sourceIPAddress ?? '')) {
    return 'aws-service';
  }
  if (record.sessionCredentialFromConsole === 'true') return 'console';
  for (const [pattern, via] of AGENT_RULES.slice(2)) if (pattern.test(agent)) return via;
  return 'unknown';
}

/** The session name of an assumed-role ARN (`arn:aws:sts::1:assumed-role/Role/alice` -> alice). */
function sessionNameOf(arn: string | undefined): string | undefined {
  const match = /:assumed-role\/[^/]+\/(.+)$/.exec(arn ?? '');
  return match?.[1];
}

/** Who made an event: SSO users and CI sessions show as the person or job, not the role. */
export function identityOf(record: CloudTrailRecord): ChangeIdentity {
  const identity = record.userIdentity;
  const type = identity.type ?? 'Unknown';
  const arn = safe(identity.arn ?? identity.invokedBy ?? identity.principalId ?? 'unknown') ?? '';
  const sessionName = safe(sessionNameOf(identity.arn));
  const sourceIdentity = safe(identity.sessionContext?.sourceIdentity);
  return {
    arn,
    type,
    ...(sessionName !== undefined && { sessionName }),
    ...(sourceIdentity !== undefined && { sourceIdentity }),
    display: sourceIdentity ?? sessionName ?? arn,
  };
}

/** The change a CloudTrail record describes, keeping only who, when, what and how. */
export function changeOf(record: CloudTrailRecord): ChangeEvent {
  const sourceIp = safe(record.sourceIPAddress);
  const userAgent = safe(record.userAgent);
  return {
    identity: identityOf(record),
    time: new Date(record.eventTime).toISOString(),
    eventName: record.eventName,
    ...(sourceIp !== undefined && { sourceIp }),
    ...(userAgent !== undefined && { userAgent }),
    via: classifyVia(record),
  };
}

/** A role ARN's name: its last path segment (`arn:aws:iam::1:role/path/name` -> name). */
function roleName(roleArn: string): string | undefined {
  return roleArn.split('/').pop();
}

/**
 * Whether an event was made by one of the scanner's own principals (its member roles, its own
 * function role): such events are never attributed to anyone.
 */
export function isScannerEvent(record: CloudTrailRecord, scanner: readonly string[]): boolean {
  const issuer = record.userIdentity.sessionContext?.sessionIssuer?.arn;
  const arn = record.userIdentity.arn;
  return scanner.some((principal) => {
    if (principal === arn || principal === issuer) return true;
    if (!arn || !principal.includes(':role/') || !arn.includes(':assumed-role/')) return false;
    const account = (value: string) => value.split(':')[4];
    const assumedRole = /:assumed-role\/([^/]+)\//.exec(arn)?.[1];
    return account(principal) === account(arn) && roleName(principal) === assumedRole;
  });
}
