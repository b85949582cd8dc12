import type { IRole } from 'aws-cdk-lib/aws-iam';
import { NagSuppressions } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { s3LocationParts } from './constructs/step-grants.js';
import type { MemberStack } from './stacks/member-stack.js';
import type { ScannerStack } from './stacks/scanner-stack.js';

/** Findings about a wildcard, as cdk-nag names them. */
const XRAY_AND_DESCRIBE = {
  id: 'AwsSolutions-IAM5',
  reason:
    'Resource::* is for xray:PutTraceSegments/PutTelemetryRecords, cloudtrail:LookupEvents and the Describe/List calls: none of them has resource-level permissions',
  appliesTo: ['Resource::*'],
};
const STAGING_OBJECTS = {
  id: 'AwsSolutions-IAM5',
  reason:
    'Objects under the staging prefix only: a scan stages one document per target under scans/<id>/, names not known at deploy time',
  appliesTo: [{ regex: '/^Resource::<Staging[0-9A-F]+\\.Arn>\\/staging\\/\\*$/' }],
};
const MEMBER_ROLES = {
  id: 'AwsSolutions-IAM5',
  reason:
    "Member accounts' read-only roles: the accounts come from the Organization at run time; the name is fixed to statetrail-*, which the member stack creates",
  appliesTo: ['Resource::arn:<AWS::Partition>:iam::*:role/statetrail-*'],
};
const COLLECTOR_READS = {
  id: 'AwsSolutions-IAM5',
  reason:
    'The collectors read every EC2/EKS configuration type and every bucket configuration (never objects: no s3:GetObject); Describe*/List* are read-only by definition',
  appliesTo: [
    'Action::ec2:Describe*',
    'Action::eks:Describe*',
    'Action::eks:List*',
    'Resource::arn:<AWS::Partition>:s3:::*',
  ],
};

/**
 * The scanner stack's accepted findings, each on the one resource it concerns with its reason.
 * Anything other constructs add is not suppressed here, so their findings show.
 */
export function suppressScannerFindings(stack: ScannerStack): void {
  const steps = [
    stack.plan,
    stack.collect,
    stack.drift,
    stack.attribute,
    stack.commit,
    stack.review,
    stack.lease,
    ...(stack.notify ? [stack.notify] : []),
  ];
  for (const step of steps) {
    NagSuppressions.addResourceSuppressions(step, [
      {
        id: 'AwsSolutions-L1',
        reason:
          'Node.js 22 is the runtime the suite is tested on (CI runs it); moving to a newer one is a tested change',
      },
      {
        id: 'Serverless-LambdaLatestVersion',
        reason: 'Node.js 22 on purpose, as for AwsSolutions-L1',
      },
      {
        id: 'Serverless-LambdaDLQ',
        reason:
          'Invoked synchronously by the state machine, which retries and records failures; a DLQ only catches asynchronous invocations',
      },
    ]);
    suppressOnRole(step.role, [XRAY_AND_DESCRIBE, STAGING_OBJECTS]);
  }
  suppressOnRole(stack.plan.role, [MEMBER_ROLES]);
  suppressOnRole(stack.attribute.role, [MEMBER_ROLES]);
  suppressApiFindings(stack);
  suppressWorkflowFindings(stack);
  suppressOnRole(stack.collect.role, [MEMBER_ROLES, COLLECTOR_READS]);
  const prefixes = stack.stateLocations.flatMap((location) => {
    const parts = s3LocationParts(location);
    return parts ? [`Resource::arn:<AWS::Partition>:s3:::${parts.bucket}/${parts.prefix}*`] : [];
  });
  if (prefixes.length > 0) {
    suppressOnRole(stack.drift.role, [
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'The configured Terraform state locations: a prefix or glob holds one state per workspace, named at run time',
        appliesTo: prefixes,
      },
    ]);
  }
  NagSuppressions.addResourceSuppressions(stack.staging, [
    {
      id: 'AwsSolutions-S1',
      reason:
        'Holds only transient documents of running scans (expired after 7 days), written and read by the scanner roles; CloudTrail records the management calls',
    },
  ]);
}

/** The API handler's accepted findings: on its function and its role only. */
function suppressApiFindings(stack: ScannerStack): void {
  const handler = stack.api.handler;
  NagSuppressions.addResourceSuppressions(handler, [
    {
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is the runtime the suite is tested on (CI runs it); moving to a newer one is a tested change',
    },
    {
      id: 'Serverless-LambdaLatestVersion',
      reason: 'Node.js 22 on purpose, as for AwsSolutions-L1',
    },
    {
      id: 'Serverless-LambdaDLQ',
      reason:
        'Invoked synchronously by API Gateway, which returns its error to the caller; a DLQ only catches asynchronous invocations',
    },
  ]);
  suppressOnRole(handler.role, [
    XRAY_AND_DESCRIBE,
    {
      id: 'AwsSolutions-IAM5',
      reason:
        "GET /scans/{id} describes an execution of this stack's state machine only; its name is the scan id, chosen at run time",
      appliesTo: [{ regex: '/^Resource::arn:<AWS::Partition>:states:.*:execution:.*:\\*$/' }],
    },
    {
      id: 'AwsSolutions-IAM5',
      reason:
        'Read-only access to the staging prefix (GET /drift reads the latest staged report): s3:GetObject*/GetBucket*/List* is what Bucket.grantRead grants, on this bucket and prefix only',
      appliesTo: ['Action::s3:GetObject*', 'Action::s3:GetBucket*', 'Action::s3:List*'],
    },
    STAGING_OBJECTS,
  ]);
}

/** The state machine's and the schedule's accepted findings, each on its own resource. */
function suppressWorkflowFindings(stack: ScannerStack): void {
  const machine = stack.workflow.stateMachine;
  suppressOnRole(machine.role, [
    {
      id: 'AwsSolutions-IAM5',
      reason:
        "lambda:InvokeFunction on each step function's versions and aliases (<fn>.Arn:*), as LambdaInvoke grants; no other function",
      appliesTo: [{ regex: '/^Resource::<[A-Za-z0-9]+\\.Arn>:\\*$/' }],
    },
    {
      id: 'AwsSolutions-IAM5',
      reason:
        'The Distributed Map reads the staged items and writes its results in the staging bucket; their keys carry the scan id, known at run time',
      appliesTo: [{ regex: '/^Resource::arn:<AWS::Partition>:s3:::<Staging[0-9A-F]+>\\/\\*$/' }],
    },
    {
      id: 'AwsSolutions-IAM5',
      reason:
        'Resource::* is for X-Ray tracing and CloudWatch Logs log delivery (logs:CreateLogDelivery and friends), which have no resource-level permissions',
      appliesTo: ['Resource::*'],
    },
  ]);
  const mapPolicy = machine.node.tryFindChild('DistributedMapPolicy');
  if (mapPolicy) {
    NagSuppressions.addResourceSuppressions(mapPolicy, [
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'The Distributed Map starts and stops its own child executions and map runs, of this state machine only; their names are made at run time',
      },
    ]);
  }
  const schedule = stack.node.tryFindChild('Schedule') as
    | { deadLetterQueue?: IConstruct }
    | undefined;
  if (schedule?.deadLetterQueue) {
    NagSuppressions.addResourceSuppressions(schedule.deadLetterQueue, [
      {
        id: 'AwsSolutions-SQS3',
        reason:
          "It is a dead-letter queue itself (the schedule's, for starts Scheduler could not make); it is alarmed on, not redriven",
      },
      {
        id: 'Serverless-SQSRedrivePolicy',
        reason: 'A dead-letter queue itself, as for AwsSolutions-SQS3',
      },
    ]);
  }
}

/** The member stack's accepted findings. */
export function suppressMemberFindings(stack: MemberStack): void {
  NagSuppressions.addResourceSuppressions(
    stack.role,
    [
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'Read-only configuration reads of every EC2/EKS type and bucket configuration; objects and secrets are denied explicitly',
        appliesTo: [...COLLECTOR_READS.appliesTo, 'Resource::*'],
      },
    ],
    true,
  );
}

type Suppression = Parameters<typeof NagSuppressions.addResourceSuppressions>[1][number];

function suppressOnRole(role: IRole | undefined, suppressions: Suppression[]): void {
  if (role)
    NagSuppressions.addResourceSuppressions(role as unknown as IConstruct, suppressions, true);
}
