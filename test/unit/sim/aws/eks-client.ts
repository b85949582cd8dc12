import { EKSClient } from '@aws-sdk/client-eks';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { type SimClientOptions, simClientConfig } from '../../../sim/aws/clients.js';
import type { AwsSim } from '../../../sim/aws/server.js';
import { SAMPLE_KEY } from './sim-client.js';

/** A request as the SDK put it on the wire (after serialization, before signing). */
export interface SentRequest {
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: unknown;
}

/** An EKS client on the sim that retries without sleeping, and the requests it sent. */
export function simEks(
  sim: AwsSim,
  options: Partial<SimClientOptions> & { attempts?: number } = {},
): { eks: EKSClient; sent: SentRequest[] } {
  const { attempts = 3, region = 'eu-west-1', accessKeyId = SAMPLE_KEY, ...rest } = options;
  const eks = new EKSClient({
    ...simClientConfig(sim, { region, accessKeyId, ...rest }),
    retryStrategy: new ConfiguredRetryStrategy(attempts, () => 0),
  });
  const sent: SentRequest[] = [];
  eks.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as {
        method: string;
        path: string;
        query: Record<string, unknown>;
        body?: unknown;
      };
      sent.push({
        method: request.method,
        path: request.path,
        query: { ...request.query },
        body: jsonBody(request.body),
      });
      return next(args);
    },
    { step: 'finalizeRequest', name: 'recordSentRequest' },
  );
  return { eks, sent };
}

// The SDK hands the serialized body over as a string or as UTF-8 bytes.
function jsonBody(body: unknown): unknown {
  if (body instanceof Uint8Array) return JSON.parse(new TextDecoder().decode(body));
  return typeof body === 'string' ? JSON.parse(body) : body;
}
