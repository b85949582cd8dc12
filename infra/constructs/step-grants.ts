import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { NotifyConfig, StateLocation } from '../../lib/config/schema.js';

/** A complete secret ARN ends in the six random characters Secrets Manager appends to the name. */
const COMPLETE_SECRET_ARN = /-[A-Za-z0-9]{6}$/;

/**
 * Lets one function read one secret, by its ARN (complete, or partial: then any suffix of that
 * name). The secret is not created here: the user stores it, the config names it.
 */
export function grantSecretRead(
  scope: Construct,
  id: string,
  secretArn: string,
  grantees: readonly IGrantable[],
): void {
  const secret = COMPLETE_SECRET_ARN.test(secretArn)
    ? Secret.fromSecretCompleteArn(scope, id, secretArn)
    : Secret.fromSecretPartialArn(scope, id, secretArn);
  for (const grantee of grantees) secret.grantRead(grantee);
}

/**
 * The IAM resource of a secret the config names: a complete ARN as it is, a partial one (no
 * random suffix) with the six characters Secrets Manager appends.
 */
export function secretResource(secretArn: string): string {
  return COMPLETE_SECRET_ARN.test(secretArn) ? secretArn : `${secretArn}-??????`;
}

/** The bucket and the key prefix (up to a glob's first wildcard) of an s3:// location. */
export function s3LocationParts(location: string): { bucket: string; prefix: string } | undefined {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(location);
  if (!match?.[1]) return undefined;
  const key = match[2] ?? '';
  const wildcard = key.search(/[*?[{]/);
  return { bucket: match[1], prefix: wildcard === -1 ? key : key.slice(0, wildcard) };
}

/**
 * What the drift step may read of Terraform state: objects under each configured s3:// location
 * (listing limited to that prefix), the KMS keys the config names for them, and the state role
 * when states are read through one. Nothing when no state is on S3.
 */
export function stateReadStatements(
  partition: string,
  states: readonly StateLocation[],
  stateRoleArn?: string,
): PolicyStatement[] {
  const parts = states.flatMap((state) => {
    const located = s3LocationParts(state.location);
    return located ? [located] : [];
  });
  const statements: PolicyStatement[] = [];
  if (parts.length > 0) {
    statements.push(
      new PolicyStatement({
        sid: 'DriftReadStates',
        actions: ['s3:GetObject'],
        resources: parts.map(({ bucket, prefix }) => `arn:${partition}:s3:::${bucket}/${prefix}*`),
      }),
    );
    for (const [index, { bucket, prefix }] of parts.entries()) {
      statements.push(
        new PolicyStatement({
          sid: `DriftListStates${index}`,
          actions: ['s3:ListBucket'],
          resources: [`arn:${partition}:s3:::${bucket}`],
          conditions: { StringLike: { 's3:prefix': [`${prefix}*`] } },
        }),
      );
    }
  }
  const keys = [...new Set(states.flatMap((state) => (state.kmsKeyArn ? [state.kmsKeyArn] : [])))];
  if (keys.length > 0) {
    statements.push(
      new PolicyStatement({
        sid: 'DriftDecryptStates',
        actions: ['kms:Decrypt'],
        resources: keys,
        conditions: { StringLike: { 'kms:ViaService': 's3.*.amazonaws.com' } },
      }),
    );
  }
  if (stateRoleArn) {
    statements.push(
      new PolicyStatement({
        sid: 'DriftStateRole',
        actions: ['sts:AssumeRole'],
        resources: [stateRoleArn],
      }),
    );
  }
  return statements;
}

/** Whether the config's `notify` section names any notifier (else the stack has no notify step). */
export function hasNotifiers(notify: NotifyConfig | undefined): notify is NotifyConfig {
  return (
    notify !== undefined && notify.slack.length + notify.sns.length + notify.webhook.length > 0
  );
}

/**
 * What the notify step may do beyond staging and the trail: read exactly the secrets its notifiers
 * name (Slack and webhook URLs, webhook signing secrets) and publish to exactly its SNS topics.
 */
export function notifyStatements(notify: NotifyConfig): PolicyStatement[] {
  const secrets = [
    ...new Set([
      ...notify.slack.map((slack) => slack.webhookUrlSecretArn),
      ...notify.webhook.flatMap((hook) => [hook.urlSecretArn, hook.signingSecretArn]),
    ]),
  ];
  const topics = [...new Set(notify.sns.map((sns) => sns.topicArn))];
  const statements: PolicyStatement[] = [];
  if (secrets.length > 0) {
    statements.push(
      new PolicyStatement({
        sid: 'NotifySecrets',
        actions: ['secretsmanager:GetSecretValue'],
        resources: secrets.map(secretResource),
      }),
    );
  }
  if (topics.length > 0) {
    statements.push(
      new PolicyStatement({ sid: 'NotifyTopics', actions: ['sns:Publish'], resources: topics }),
    );
  }
  return statements;
}
