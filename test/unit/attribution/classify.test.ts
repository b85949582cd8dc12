import { describe, expect, it } from 'vitest';
import { changeOf, isScannerEvent } from '../../../lib/attribution/classify.js';
import { CloudTrailRecord } from '../../../lib/attribution/cloudtrail-event.js';
import {
  CLOUDTRAIL_CANARY,
  type SampleActor,
  sampleTrailEvent,
} from '../../sim/aws/cloudtrail-sample.js';

const ACCOUNT = '111111111111';

function record(actor: SampleActor, extra: Record<string, unknown> = {}) {
  const event = sampleTrailEvent({
    actor,
    account: ACCOUNT,
    region: 'eu-west-1',
    resource: 'sg-1',
    time: '2026-11-22T09:00:00Z',
  });
  return CloudTrailRecord.parse({ ...event.record, ...extra });
}

describe('changeOf', () => {
  it('names a console user and says the change was made in the console', () => {
    const change = changeOf(record('console'));
    expect(change.via).toBe('console');
    expect(change.identity).toMatchObject({
      arn: `arn:aws:iam::${ACCOUNT}:user/Mary_Major`,
      type: 'IAMUser',
      display: `arn:aws:iam::${ACCOUNT}:user/Mary_Major`,
    });
    expect(change).toMatchObject({
      eventName: 'AuthorizeSecurityGroupIngress',
      time: '2026-11-22T09:00:00.000Z',
      sourceIp: '198.51.100.23',
    });
  });

  it('shows an SSO user behind an AWSReservedSSO role as the person (sourceIdentity)', () => {
    const change = changeOf(record('sso'));
    expect(change.via).toBe('cli');
    expect(change.identity.sessionName).toBe('alice');
    expect(change.identity.sourceIdentity).toBe('alice@example.com');
    expect(change.identity.display).toBe('alice@example.com');
    expect(change.identity.arn).toContain(':assumed-role/AWSReservedSSO_AdministratorAccess_');
  });

  it('falls back to the session name when the role was assumed without a sourceIdentity', () => {
    const change = changeOf(record('terraform'));
    expect(change.identity.sourceIdentity).toBeUndefined();
    expect(change.identity.display).toBe('gha-run-4242');
  });

  it('tells Terraform by its user agent although it names the Go SDK too', () => {
    expect(changeOf(record('terraform')).via).toBe('terraform');
  });

  it('tells CloudFormation and AWS services apart from people', () => {
    expect(changeOf(record('cloudformation')).via).toBe('cloudformation');
    const service = changeOf(record('aws-service'));
    expect(service.via).toBe('aws-service');
    expect(service.identity.arn).toBe('autoscaling.amazonaws.com');
  });

  it('says unknown for a user agent it does not recognise, keeping who and when', () => {
    const change = changeOf(record('unknown'));
    expect(change.via).toBe('unknown');
    expect(change.identity.display).toBe(`arn:aws:iam::${ACCOUNT}:user/build-bot`);
    expect(change.userAgent).toBe('python-requests/2.31.0');
  });

  it('copies nothing of the request parameters and redacts a credential-shaped session name', () => {
    const sso = sampleTrailEvent({
      actor: 'sso',
      account: ACCOUNT,
      region: 'eu-west-1',
      resource: 'sg-1',
      time: '2026-11-22T09:00:00Z',
    }).record as unknown as { userIdentity: { arn: string } };
    sso.userIdentity.arn = sso.userIdentity.arn.replace(/alice$/, CLOUDTRAIL_CANARY);
    const change = changeOf(CloudTrailRecord.parse(sso));
    const all = JSON.stringify([change, changeOf(record('console'))]);
    expect(all).not.toContain(CLOUDTRAIL_CANARY);
    expect(all).not.toContain('ASIAEXAMPLE');
    expect(change.identity.sessionName).toMatch(/^\(redacted/);
  });
});

describe('isScannerEvent', () => {
  const role = `arn:aws:iam::${ACCOUNT}:role/StatetrailReadOnly`;

  it('recognises a session of the scanner’s member role, whatever its path', () => {
    expect(isScannerEvent(record('scanner'), [role])).toBe(true);
    expect(
      isScannerEvent(record('scanner'), [`arn:aws:iam::${ACCOUNT}:role/ops/StatetrailReadOnly`]),
    ).toBe(true);
  });

  it('does not take another role, or the same role name in another account, for the scanner', () => {
    expect(isScannerEvent(record('sso'), [role])).toBe(false);
    expect(
      isScannerEvent(record('scanner'), ['arn:aws:iam::222222222222:role/StatetrailReadOnly']),
    ).toBe(false);
  });
});
