import { EC2Client } from '@aws-sdk/client-ec2';
import { STSClient } from '@aws-sdk/client-sts';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { afterAll, beforeAll } from 'vitest';
import { type SimClientOptions, simClientConfig } from '../../../sim/aws/clients.js';
import { type AwsSim, startAwsSim } from '../../../sim/aws/server.js';
import { type Ec2RegionWorld, ec2Region, sampleWorld } from '../../../sim/aws/world.js';

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

/** The sample world's sim, an EC2 client on it that tries once, and the estate it reads. */
export interface SampleEc2 {
  readonly sim: AwsSim;
  readonly ec2: EC2Client;
  readonly estate: Ec2RegionWorld;
}

/**
 * Starts the sample world's sim for the enclosing `describe` with an EC2 client on one account's
 * region, hands both (and that region's estate) to `started`, and stops them after the block.
 */
export function useSampleEc2(
  where: { readonly accountId: string; readonly region: string },
  started: (sample: SampleEc2) => void,
): void {
  let sample: SampleEc2 | undefined;
  beforeAll(async () => {
    const sim = await startAwsSim(sampleWorld());
    sample = {
      sim,
      estate: ec2Region(sim.world, where.accountId, where.region),
      ec2: simEc2(sim, { region: where.region, attempts: 1 }),
    };
    started(sample);
  });
  afterAll(async () => {
    sample?.ec2.destroy();
    await sample?.sim.close();
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
