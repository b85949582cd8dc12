import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../lib/config/load-config.js';

const SECRET = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:statetrail/github-AbCdEf';

describe('the deploy sections of the config (github, schedule, deploy)', () => {
  it('reads the GitHub secret ARN, a schedule in a time zone and the deploy knobs', () => {
    const config = parseConfig(
      [
        `github: { secretArn: "${SECRET}" }`,
        'schedule: { cron: "cron(0 6 ? * MON-FRI *)", timeZone: Europe/Paris }',
        'deploy:',
        '  vpc: { vpcId: vpc-0123456789abcdef0, subnetIds: [subnet-0123456789abcdef0], securityGroupIds: [sg-0123456789abcdef0] }',
        '  collectMemoryMb: 2048',
      ].join('\n'),
      'statetrail.yaml',
    );
    expect(config.github).toEqual({ secretArn: SECRET });
    // The cron(...) wrapper is optional: the fields are kept either way.
    expect(config.schedule).toEqual({
      cron: '0 6 ? * MON-FRI *',
      timeZone: 'Europe/Paris',
      enabled: true,
    });
    expect(config.deploy.vpc?.subnetIds).toEqual(['subnet-0123456789abcdef0']);
    expect(config.deploy).toMatchObject({ collectMemoryMb: 2048, maxConcurrency: 10 });
  });

  it('defaults the deploy knobs and the UTC time zone', () => {
    const config = parseConfig('schedule: { cron: "0 * * * ? *" }', 'statetrail.yaml');
    expect(config.schedule?.timeZone).toBe('UTC');
    expect(config.deploy).toEqual({
      collectMemoryMb: 1024,
      maxConcurrency: 10,
      toleratedFailurePercentage: 100,
      logRetentionDays: 30,
    });
  });

  it('names the file and the key path of every bad deploy value, never the value', () => {
    const text = [
      'github: { secretArn: "ghp_notAnArnButATokenPastedByMistake000000" }',
      'schedule: { cron: "0 * * *", timeZone: Mars/Olympus }',
      'deploy: { vpc: { vpcId: vpc-0123456789abcdef0, subnetIds: [], securityGroupIds: [sg-x] }, logRetentionDays: 31 }',
    ].join('\n');
    let message = '';
    try {
      parseConfig(text, 'deploy.yaml');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('Config deploy.yaml is invalid');
    expect(message).toContain('github.secretArn: expected a Secrets Manager secret ARN');
    expect(message).toContain('schedule.cron: six cron fields');
    expect(message).toContain('schedule.timeZone: not an IANA time zone name');
    expect(message).toContain('deploy.vpc.subnetIds:');
    expect(message).toContain('deploy.vpc.securityGroupIds.0: not a security group id');
    expect(message).toContain("deploy.logRetentionDays: one of CloudWatch's retention periods");
    expect(message).not.toContain('ghp_');
  });
});
