import { EC2Client } from '@aws-sdk/client-ec2';
import { STSClient } from '@aws-sdk/client-sts';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { type SimClientOptions, simClientConfig } from '../../../sim/aws/clients.js';
import type { AwsSim } from '../../../sim/aws/server.js';

/** The sample world's only access key. */
export const SAMPLE_KEY = 'AKIASIMSAMPLE0000001';

/** An SDK error as the tests inspect it. */
export type SdkError = Error & { $metadata: { httpStatusCode?: number; attempts?: number } };

/** An EC2 client on the sim that retries without sleeping. */
export function simEc2(
  sim: AwsSim,
  options: Partial<SimClientOptions> & { attempts?: number } = {},
): EC2Client {
  const { attempts = 3, region = 'eu-west-1', accessKeyId = SAMPLE_KEY, ...rest } = options;
  return new EC2Client({
    ...simClientConfig(sim, { region, accessKeyId, ...rest }),
    retryStrategy: new ConfiguredRetryStrategy(attempts, () => 0),
  });
}

/** An STS client on the sim that retries without sleeping. */
export function simSts(
  sim: AwsSim,
  options: Partial<SimClientOptions> & { attempts?: number } = {},
): STSClient {
  const { attempts = 3, region = 'us-east-1', accessKeyId = SAMPLE_KEY, ...rest } = options;
  return new STSClient({
    ...simClientConfig(sim, { region, accessKeyId, ...rest }),
    retryStrategy: new ConfiguredRetryStrategy(attempts, () => 0),
  });
}

/** The error a call fails with (the test fails if it succeeds). */
export async function failureOf(call: Promise<unknown>): Promise<SdkError> {
  try {
    await call;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error('Expected the call to fail, and it succeeded');
}

/** Every item of an async iterable (Array.fromAsync arrives in Node 22). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
