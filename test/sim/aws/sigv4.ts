/** What the sim takes from a SigV4 Authorization header (the signature itself is not checked). */
export interface SigV4Scope {
  accessKeyId: string;
  /** `YYYYMMDD` of the credential scope. */
  date: string;
  region: string;
  service: string;
}

// AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-1/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=<64 hex>
const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([A-Z0-9]{16,128})\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

/** Parses a SigV4 Authorization header; undefined when it is absent or not well-formed. */
export function parseAuthorization(header: string | undefined): SigV4Scope | undefined {
  if (!header) return undefined;
  const match = AUTHORIZATION.exec(header);
  if (!match) return undefined;
  const [, accessKeyId, date, region, service, signedHeaders] = match;
  if (!accessKeyId || !date || !region || !service || !signedHeaders) return undefined;
  // The SDK always signs host and x-amz-date; a header that does not is hand-made, not SigV4.
  const signed = signedHeaders.split(';');
  if (!signed.includes('host') || !signed.includes('x-amz-date')) return undefined;
  return { accessKeyId, date, region, service };
}
