import { DescribeInstancesCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsSim, startAwsSim } from '../../../sim/aws/server.js';
import { sampleWorld } from '../../../sim/aws/world.js';
import { failureOf, SAMPLE_KEY, simEc2 } from './sim-client.js';

const SIGNATURE = `SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`;

function authorization(service: string, key = SAMPLE_KEY): string {
  return `AWS4-HMAC-SHA256 Credential=${key}/20260101/eu-west-1/${service}/aws4_request, ${SIGNATURE}`;
}

async function post(
  sim: AwsSim,
  body: string,
  auth?: string,
): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (auth) headers.authorization = auth;
  const response = await fetch(sim.url, { method: 'POST', headers, body });
  return { status: response.status, text: await response.text() };
}

describe('the wire protocol', () => {
  let sim: AwsSim;

  beforeAll(async () => {
    sim = await startAwsSim(sampleWorld());
  });
  afterAll(async () => {
    await sim.close();
  });

  it('writes EC2 element names: reservationSet, instancesSet, instanceState, tagSet', async () => {
    const { status, text } = await post(
      sim,
      'Action=DescribeInstances&Version=2016-11-15',
      authorization('ec2'),
    );
    expect(status).toBe(200);
    expect(text).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<DescribeInstancesResponse xmlns="http:\/\/ec2\.amazonaws\.com\/doc\/2016-11-15\/"><requestId>[0-9a-f-]{36}<\/requestId><reservationSet><item><reservationId>/,
    );
    for (const element of [
      '<instancesSet><item>',
      '<instanceState><code>16</code><name>running</name></instanceState>',
      '<tagSet><item><key>Name</key><value>web-1</value></item>',
      '<blockDeviceMapping><item><deviceName>',
      '<privateIpAddressesSet><item>',
      '<groupSet/>',
      '<productCodes/>',
    ]) {
      expect(text).toContain(element);
    }
  });

  it('writes security group rules as ipPermissions with groups, ipRanges, ipv6Ranges and prefixListIds', async () => {
    const { text } = await post(
      sim,
      'Action=DescribeSecurityGroups&Version=2016-11-15&GroupId.1=sg-0a1b2c3d4e5f60f00',
      authorization('ec2'),
    );
    expect(text).toContain(
      '<securityGroupInfo><item><groupId>sg-0a1b2c3d4e5f60f00</groupId><ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item></ipPermissionsEgress>',
    );
    expect(text).toContain('<groupDescription>PostgreSQL</groupDescription>');
    expect(text).toContain(
      '<groups><item><userId>111111111111</userId><groupId>sg-0a1b2c3d4e5f60e00</groupId></item></groups>',
    );
  });

  it('writes VPC association sets', async () => {
    const { text } = await post(
      sim,
      'Action=DescribeVpcs&Version=2016-11-15',
      authorization('ec2'),
    );
    expect(text).toContain('<vpcSet><item>');
    expect(text).toContain('<cidrBlockAssociationSet><item><associationId>');
    expect(text).toContain('<cidrBlockState><state>associated</state></cidrBlockState>');
  });

  it('answers EC2 errors in the Response/Errors/Error envelope', async () => {
    const { status, text } = await post(
      sim,
      'Action=DescribeInstances&Version=2016-11-15',
      authorization('ec2', 'AKIANOBODY0000000000'),
    );
    expect(status).toBe(401);
    expect(text).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<Response><Errors><Error><Code>AuthFailure<\/Code><Message>AWS was not able to validate the provided access credentials<\/Message><\/Error><\/Errors><RequestID>[0-9a-f-]{36}<\/RequestID><\/Response>$/,
    );
  });

  it('answers STS in the awsQuery envelope, results wrapped in GetCallerIdentityResult', async () => {
    const { status, text } = await post(
      sim,
      'Action=GetCallerIdentity&Version=2011-06-15',
      authorization('sts'),
    );
    expect(status).toBe(200);
    expect(text).toMatch(
      /<GetCallerIdentityResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">\s*<GetCallerIdentityResult><UserId>AIDASIMSAMPLE00000001<\/UserId><Account>111111111111<\/Account><Arn>arn:aws:iam::111111111111:user\/statetrail-scanner<\/Arn><\/GetCallerIdentityResult>\s*<ResponseMetadata>\s*<RequestId>/,
    );
  });

  it.each([
    ['no Authorization header', undefined],
    ['a header that is not SigV4', 'Bearer abc'],
    [
      'a scope without a signature',
      `AWS4-HMAC-SHA256 Credential=${SAMPLE_KEY}/20260101/eu-west-1/ec2/aws4_request`,
    ],
  ])('refuses a request with %s', async (_case, auth) => {
    const { status, text } = await post(sim, 'Action=DescribeInstances&Version=2016-11-15', auth);
    expect(status).toBe(401);
    expect(text).toContain('<Code>AuthFailure</Code>');
  });

  it('answers UnknownParameter to a parameter DescribeInstances does not take', async () => {
    const { status, text } = await post(
      sim,
      'Action=DescribeInstances&Version=2016-11-15&Colour=blue',
      authorization('ec2'),
    );
    expect(status).toBe(400);
    expect(text).toContain(
      '<Code>UnknownParameter</Code><Message>The parameter Colour is not recognized</Message>',
    );
  });

  it('reads what the SDK serializes: ids, filters with several values, paging', async () => {
    sim.resetCalls();
    const ec2 = simEc2(sim);
    await ec2.send(
      new DescribeVpcsCommand({
        VpcIds: ['vpc-0a1b2c3d4e5f60001'],
        Filters: [
          { Name: 'tag:env', Values: ['prod', 'staging'] },
          { Name: 'state', Values: ['available'] },
        ],
      }),
    );
    const error = await failureOf(ec2.send(new DescribeInstancesCommand({ DryRun: true })));
    ec2.destroy();
    expect(sim.calls[0]?.params).toStrictEqual({
      VpcIds: ['vpc-0a1b2c3d4e5f60001'],
      Filters: [
        { Name: 'tag:env', Values: ['prod', 'staging'] },
        { Name: 'state', Values: ['available'] },
      ],
    });
    expect(error.name).toBe('DryRunOperation');
    expect(error.$metadata.httpStatusCode).toBe(412);
  });
});
