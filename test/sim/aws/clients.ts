import type { AwsSim } from './server.js';

/** Who a test client calls as, and in which region. */
export interface SimClientOptions {
  region: string;
  accessKeyId: string;
  /** Any value works: the sim does not verify signatures. */
  secretAccessKey?: string;
  /** Required for keys issued by AssumeRole, as in AWS. */
  sessionToken?: string;
}

/** The SDK client config that points a client at the sim (spread it into `new EC2Client`). */
export interface SimClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/**
 * Endpoint, region and static credentials for an SDK client talking to the sim. Retries are left
 * to the test: pass `retryStrategy: new ConfiguredRetryStrategy(n, () => 0)` so nothing sleeps.
 */
export function simClientConfig(sim: AwsSim, options: SimClientOptions): SimClientConfig {
  const { region, accessKeyId, secretAccessKey = 'sim-secret-access-key', sessionToken } = options;
  return {
    endpoint: sim.url,
    region,
    credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) },
  };
}
