import { S3Client } from '@aws-sdk/client-s3';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { simClientConfig } from '../../../sim/aws/clients.js';
import type { AwsSim } from '../../../sim/aws/server.js';
import { SAMPLE_KEY } from './sim-client.js';

/** An S3 client on the sim (path-style, as with any custom endpoint) that retries without sleeping. */
export function simS3(
  sim: AwsSim,
  options: { region?: string; accessKeyId?: string; attempts?: number } = {},
): S3Client {
  const { region = 'eu-west-1', accessKeyId = SAMPLE_KEY, attempts = 3 } = options;
  return new S3Client({
    ...simClientConfig(sim, { region, accessKeyId }),
    forcePathStyle: true,
    retryStrategy: new ConfiguredRetryStrategy(attempts, () => 0),
  });
}

/** A raw GET to the sim with a SigV4-shaped header (the sim reads the scope, not the signature). */
export async function rawS3Get(
  sim: AwsSim,
  path: string,
  region: string,
  accessKeyId: string = SAMPLE_KEY,
): Promise<Response> {
  const authorization =
    `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20261122/${region}/s3/aws4_request, ` +
    `SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=${'0'.repeat(64)}`;
  return fetch(`${sim.url}${path}`, {
    headers: {
      authorization,
      'x-amz-date': '20261122T100000Z',
      'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
    },
  });
}
