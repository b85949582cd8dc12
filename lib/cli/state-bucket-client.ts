import { S3Client } from '@aws-sdk/client-s3';
import { isS3Location } from '../terraform/sources/state-source.js';

/**
 * The client that reads s3:// states, or undefined when no location is on S3. It follows region
 * redirects: a state bucket may live in any region, and its location is all the user gives.
 */
export function stateBucketClient(
  locations: readonly string[],
  endpoints: Readonly<Record<string, string>>,
): S3Client | undefined {
  if (!locations.some(isS3Location)) return undefined;
  const endpoint = endpoints['s3'];
  return new S3Client({
    region: 'us-east-1',
    followRegionRedirects: true,
    ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
  });
}
