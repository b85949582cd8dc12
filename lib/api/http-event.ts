import { z } from 'zod';
import type { ApiRequest, ApiResponse } from './schema.js';

/**
 * The fields of an API Gateway HTTP API event (payload format 2.0) the API reads. The IAM
 * identity is optional here so that its absence is an answer (403), not a parse failure.
 */
export const HttpApiEvent = z.object({
  rawPath: z.string(),
  body: z.string().optional(),
  isBase64Encoded: z.boolean().default(false),
  requestContext: z.object({
    http: z.object({ method: z.string() }),
    authorizer: z
      .object({ iam: z.object({ userArn: z.string().min(1).optional() }).optional() })
      .optional(),
  }),
});
export type HttpApiEvent = z.input<typeof HttpApiEvent>;

/** The HTTP API's answer (payload format 2.0). */
export interface HttpApiResult {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * The request an event carries, or undefined when it carries no IAM identity: the route's IAM
 * authorizer should have refused it already, and the function refuses it again rather than trust that.
 */
export function requestOf(event: z.output<typeof HttpApiEvent>): ApiRequest | undefined {
  const caller = event.requestContext.authorizer?.iam?.userArn;
  if (!caller) return undefined;
  const body =
    event.body === undefined
      ? undefined
      : event.isBase64Encoded
        ? Buffer.from(event.body, 'base64').toString('utf8')
        : event.body;
  return {
    method: event.requestContext.http.method.toUpperCase(),
    path: event.rawPath,
    body,
    caller,
  };
}

/** The 403 for a request without a signed identity. */
export const UNSIGNED: ApiResponse = {
  status: 403,
  body: { message: 'a signed request (AWS SigV4, IAM) is required' },
};

/** An answer as the HTTP API returns it: JSON, never cached. */
export function toHttpResult(response: ApiResponse): HttpApiResult {
  return {
    statusCode: response.status,
    headers: {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      ...(response.headers ?? {}),
    },
    body: JSON.stringify(response.body),
  };
}
