import { S3Client } from '@aws-sdk/client-s3';
import { S3StagingStore } from '../../lib/pipeline/s3-staging-store.js';
import type { StagingStore } from '../../lib/pipeline/staging-store.js';
import {
  type AwsClientFactory,
  createAwsClientFactory,
} from '../../lib/sources/aws/client-factory.js';
import type { FunctionEnv } from './env.js';

/** The SDK-backed dependencies a function hands to `lib/`, built once per cold start. */
export interface FunctionClients {
  readonly staging: StagingStore;
  readonly aws: AwsClientFactory;
}

/** Builds the clients; module scope in each handler calls this once, so warm starts reuse them. */
export function createFunctionClients(env: FunctionEnv): FunctionClients {
  const endpoints = env.STATETRAIL_ENDPOINTS ?? {};
  const s3Endpoint = endpoints['s3'];
  // A custom S3 endpoint (the sim, LocalStack) serves buckets by path, not by virtual host.
  const s3 = new S3Client(s3Endpoint ? { endpoint: s3Endpoint, forcePathStyle: true } : {});
  return {
    staging: new S3StagingStore({
      client: s3,
      bucket: env.STAGING_BUCKET,
      prefix: env.STAGING_PREFIX,
    }),
    aws: createAwsClientFactory({ endpoints }),
  };
}
