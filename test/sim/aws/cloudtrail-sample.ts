import type { SimTrailEvent } from './cloudtrail.js';

/** A value that must never leave CloudTrail's record: tests look for it in every output. */
export const CLOUDTRAIL_CANARY = 'ghp_CloudTrailCanary0123456789abcdefABCDEF';

/** Who made a sample event, shaped as AWS's documentation examples of `userIdentity`. */
export type SampleActor =
  | 'console'
  | 'sso'
  | 'terraform'
  | 'cloudformation'
  | 'aws-service'
  | 'unknown'
  | 'scanner';

/** What the sample events are about. */
export interface SampleEventOptions {
  actor: SampleActor;
  account: string;
  region: string;
  /** The resource id the event names (LookupEvents' ResourceName). */
  resource: string;
  time: string;
  eventName?: string;
  readOnly?: boolean;
  /** The scanner's member role name, for `scanner` events. @default StatetrailReadOnly */
  scannerRole?: string;
}

function identity(options: SampleEventOptions): Record<string, unknown> {
  const { account } = options;
  const assumed = (role: string, session: string, issuerPath = '') => ({
    type: 'AssumedRole',
    principalId: `AROAEXAMPLE${role.length}:${session}`,
    arn: `arn:aws:sts::${account}:assumed-role/${role}/${session}`,
    accountId: account,
    accessKeyId: 'ASIAEXAMPLEKEY000001',
    sessionContext: {
      sessionIssuer: {
        type: 'Role',
        principalId: `AROAEXAMPLE${role.length}`,
        arn: `arn:aws:iam::${account}:role/${issuerPath}${role}`,
        accountId: account,
        userName: role,
      },
      attributes: { creationDate: options.time, mfaAuthenticated: 'false' },
    },
  });
  switch (options.actor) {
    case 'console':
      return {
        type: 'IAMUser',
        principalId: 'AIDAEXAMPLEMARYMAJOR',
        arn: `arn:aws:iam::${account}:user/Mary_Major`,
        accountId: account,
        accessKeyId: 'ASIAEXAMPLECONSOLE01',
        userName: 'Mary_Major',
        sessionContext: { attributes: { creationDate: options.time, mfaAuthenticated: 'true' } },
      };
    case 'sso': {
      const role = 'AWSReservedSSO_AdministratorAccess_0123456789abcdef';
      const base = assumed(role, 'alice', 'aws-reserved/sso.amazonaws.com/eu-west-1/');
      return {
        ...base,
        sessionContext: { ...base.sessionContext, sourceIdentity: 'alice@example.com' },
      };
    }
    case 'terraform':
      return assumed('terraform-ci', 'gha-run-4242');
    case 'cloudformation':
      return {
        ...assumed('cfn-exec-role', 'AWSCloudFormation'),
        invokedBy: 'cloudformation.amazonaws.com',
      };
    case 'aws-service':
      return { type: 'AWSService', invokedBy: 'autoscaling.amazonaws.com' };
    case 'unknown':
      return {
        type: 'IAMUser',
        principalId: 'AIDAEXAMPLEBUILDBOT',
        arn: `arn:aws:iam::${account}:user/build-bot`,
        accountId: account,
        accessKeyId: 'AKIAEXAMPLEBUILDBOT1',
        userName: 'build-bot',
      };
    case 'scanner':
      return assumed(options.scannerRole ?? 'StatetrailReadOnly', 'statetrail');
  }
}

const AGENTS: Record<SampleActor, string> = {
  console: 'console.ec2.amazonaws.com',
  sso: 'aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0 exe/x86_64.ubuntu.22 prompt/off command/ec2.authorize-security-group-ingress',
  terraform:
    'APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-aws/5.40.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.25.3 os/linux lang/go#1.22.1 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.149.1',
  cloudformation: 'cloudformation.amazonaws.com',
  'aws-service': 'autoscaling.amazonaws.com',
  unknown: 'python-requests/2.31.0',
  scanner: 'aws-sdk-js/3.1169.0 ua/2.1 os/linux lang/js md/nodejs#22.11.0 api/ec2#3.1169.0',
};

const SOURCES: Record<SampleActor, string> = {
  console: '198.51.100.23',
  sso: '203.0.113.10',
  terraform: '192.0.2.44',
  cloudformation: 'cloudformation.amazonaws.com',
  'aws-service': 'autoscaling.amazonaws.com',
  unknown: '192.0.2.99',
  scanner: '192.0.2.7',
};

/**
 * A CloudTrail record as event history holds it, after AWS's documented examples: an
 * AuthorizeSecurityGroupIngress (by default) on one security group, with a canary secret in its
 * request parameters (what attribution must never copy).
 */
export function sampleTrailEvent(options: SampleEventOptions): SimTrailEvent {
  const eventName = options.eventName ?? 'AuthorizeSecurityGroupIngress';
  return {
    record: {
      eventVersion: '1.09',
      userIdentity: identity(options),
      eventTime: options.time,
      eventSource: 'ec2.amazonaws.com',
      eventName,
      awsRegion: options.region,
      sourceIPAddress: SOURCES[options.actor],
      userAgent: AGENTS[options.actor],
      requestParameters: {
        groupId: options.resource,
        ipPermissions: {
          items: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, description: CLOUDTRAIL_CANARY }],
        },
      },
      responseElements: { _return: true },
      requestID: `req-${options.resource}-${options.time}`,
      eventID: `evt-${options.actor}-${options.resource}-${options.time}`,
      readOnly: options.readOnly ?? false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: options.account,
      eventCategory: 'Management',
      ...(options.actor === 'console' && { sessionCredentialFromConsole: 'true' }),
    },
    resources: [{ ResourceType: 'AWS::EC2::SecurityGroup', ResourceName: options.resource }],
  };
}

/** Adds events to a CloudTrail history, per account and region. */
export function recordTrailEvents(
  events: Record<string, Record<string, SimTrailEvent[]>>,
  added: readonly { account: string; region: string; event: SimTrailEvent }[],
): void {
  for (const { account, region, event } of added) {
    const byRegion = events[account] ?? {};
    events[account] = byRegion;
    byRegion[region] = [...(byRegion[region] ?? []), event];
  }
}
