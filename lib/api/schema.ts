import { z } from 'zod';
import { ScanScope } from '../pipeline/scan-request.js';

/** `POST /scans`'s body: what to narrow the scan to, and a token that makes a replay start nothing new. */
export const StartScanBody = z.strictObject({
  scope: ScanScope.optional(),
  /** Any string of the caller's (a UUID); the same token from the same caller is the same scan. */
  clientToken: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
    .optional(),
});
export type StartScanBody = z.infer<typeof StartScanBody>;

/** A scan id as an execution name: what `GET /scans/{id}` accepts. */
export const ScanId = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'not a scan id');

/** One HTTP request as the API's logic sees it (the handler maps API Gateway's event to it). */
export interface ApiRequest {
  readonly method: string;
  /** The path without the stage (`/scans/abc`). */
  readonly path: string;
  /** The raw body, already decoded from base64. */
  readonly body: string | undefined;
  /** The signed caller's IAM ARN (the request context's `authorizer.iam.userArn`). */
  readonly caller: string;
}

/** The API's answer before serialization. */
export interface ApiResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}
