import { DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedAccessKeyId, generatedAccountId } from '../../../sim/aws/generate-world.js';
import { type AwsSim, startAwsSim } from '../../../sim/aws/server.js';
import { ec2Region, generateWorld, sampleWorld } from '../../../sim/aws/world.js';
import { failureOf, SAMPLE_KEY, simEc2, simSts } from './sim-client.js';

describe('the simulated STS API', () => {
  let sim: AwsSim;

  beforeAll(async () => {
    sim = await startAwsSim(sampleWorld());
  });
  afterAll(async () => {
    await sim.close();
  });

  it('tells a caller which account its key belongs to', async () => {
    const sts = simSts(sim);
    const out = await sts.send(new GetCallerIdentityCommand({}));
    sts.destroy();
    expect(out).toMatchObject({
      Account: '111111111111',
      Arn: 'arn:aws:iam::111111111111:user/statetrail-scanner',
      UserId: 'AIDASIMSAMPLE00000001',
    });
    expect(sim.calls.at(-1)).toMatchObject({
      service: 'sts',
      action: 'GetCallerIdentity',
      region: 'us-east-1',
    });
  });

  it('answers InvalidClientTokenId 403 to an unknown key', async () => {
    const sts = simSts(sim, { accessKeyId: 'AKIAUNKNOWN000000000' });
    const error = await failureOf(sts.send(new GetCallerIdentityCommand({})));
    sts.destroy();
    expect(error.name).toBe('InvalidClientTokenId');
    expect(error.message).toBe('The security token included in the request is invalid.');
    expect(error.$metadata).toMatchObject({ httpStatusCode: 403, attempts: 1 });
  });

  it('answers AccessDenied to AssumeRole of a role that is not there', async () => {
    const sts = simSts(sim);
    const roleArn = 'arn:aws:iam::222222222222:role/nothing';
    const error = await failureOf(
      sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'scan' })),
    );
    sts.destroy();
    expect(error.name).toBe('AccessDenied');
    expect(error.message).toBe(
      `User: arn:aws:iam::111111111111:user/statetrail-scanner is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    );
    expect(error.$metadata.httpStatusCode).toBe(403);
  });
});

describe('AssumeRole across accounts', () => {
  let sim: AwsSim;
  const member = generatedAccountId(1);
  const roleArn = `arn:aws:iam::${member}:role/statetrail-reader`;

  beforeAll(async () => {
    sim = await startAwsSim(generateWorld({ seed: 3, accounts: 2, instances: 3 }));
  });
  afterAll(async () => {
    await sim.close();
  });

  it('hands out keys that act in the role account, for STS and EC2 alike', async () => {
    const sts = simSts(sim, { accessKeyId: generatedAccessKeyId(0) });
    const { Credentials, AssumedRoleUser } = await sts.send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'statetrail-scan' }),
    );
    sts.destroy();
    expect(AssumedRoleUser?.Arn).toBe(
      `arn:aws:sts::${member}:assumed-role/statetrail-reader/statetrail-scan`,
    );
    expect(Credentials?.AccessKeyId).toMatch(/^ASIA[0-9A-F]{16}$/);
    expect(Credentials?.Expiration?.getTime()).toBeGreaterThan(Date.now());
    const session = {
      accessKeyId: Credentials?.AccessKeyId ?? '',
      secretAccessKey: Credentials?.SecretAccessKey ?? '',
      sessionToken: Credentials?.SessionToken ?? '',
    };

    const asRole = simSts(sim, session);
    const identity = await asRole.send(new GetCallerIdentityCommand({}));
    asRole.destroy();
    expect(identity.Account).toBe(member);
    expect(identity.Arn).toBe(AssumedRoleUser?.Arn);

    const ec2 = simEc2(sim, session);
    const out = await ec2.send(new DescribeInstancesCommand({ MaxResults: 5 }));
    ec2.destroy();
    expect(out.Reservations).toStrictEqual(ec2Region(sim.world, member, 'eu-west-1').reservations);
  });

  it('reads awsQuery lists and nested members as the SDK writes them', async () => {
    sim.resetCalls();
    const sts = simSts(sim, { accessKeyId: generatedAccessKeyId(0) });
    await sts.send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: 'tagged',
        DurationSeconds: 900,
        PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
        Tags: [{ Key: 'purpose', Value: 'scan' }],
        TransitiveTagKeys: ['purpose'],
      }),
    );
    sts.destroy();
    expect(sim.calls[0]?.params).toStrictEqual({
      RoleArn: roleArn,
      RoleSessionName: 'tagged',
      DurationSeconds: 900,
      PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
      Tags: [{ Key: 'purpose', Value: 'scan' }],
      TransitiveTagKeys: ['purpose'],
    });
  });

  it('refuses a temporary key sent without its session token', async () => {
    const sts = simSts(sim, { accessKeyId: generatedAccessKeyId(0) });
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'x-1' }),
    );
    sts.destroy();
    const ec2 = simEc2(sim, { accessKeyId: Credentials?.AccessKeyId ?? '' });
    const error = await failureOf(ec2.send(new DescribeInstancesCommand({ MaxResults: 5 })));
    ec2.destroy();
    expect(error.name).toBe('AuthFailure');
  });

  it('denies a caller the role does not trust', async () => {
    const sts = simSts(sim, { accessKeyId: generatedAccessKeyId(1) });
    const own = `arn:aws:iam::${generatedAccountId(0)}:role/statetrail-reader`;
    const error = await failureOf(
      sts.send(new AssumeRoleCommand({ RoleArn: own, RoleSessionName: 'nope' })),
    );
    sts.destroy();
    expect(error.name).toBe('AccessDenied');
  });

  it('keeps the sample key out of generated worlds', async () => {
    const sts = simSts(sim, { accessKeyId: SAMPLE_KEY });
    const error = await failureOf(sts.send(new GetCallerIdentityCommand({})));
    sts.destroy();
    expect(error.name).toBe('InvalidClientTokenId');
  });
});
