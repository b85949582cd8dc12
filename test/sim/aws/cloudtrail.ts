import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultBook } from './faults.js';
import type { JsonReply } from './organizations.js';
import type { SimCall } from './server.js';
import { parseAuthorization } from './sigv4.js';
import { type AwsWorld, authenticate } from './world.js';

/** One event of CloudTrail's event history. */
export interface SimTrailEvent {
  /** The CloudTrail record (`CloudTrailEvent` as JSON): eventTime, userIdentity, readOnly... */
  record: Record<string, unknown> & { eventTime: string; eventName: string; readOnly?: boolean };
  /** The resources it names, as LookupEvents lists them. */
  resources: { ResourceType?: string; ResourceName: string }[];
}

/** CloudTrail in the simulated world: events per account and region, and its own clock. */
export interface SimCloudTrail {
  /** Account id -> region -> events (any order; answers are latest first). */
  events: Record<string, Record<string, SimTrailEvent[]>>;
  /** Milliseconds on the clock the rate limit is measured on. */
  now: () => number;
  /** Requests per second per account and region. @default 2 */
  ratePerSecond?: number;
}

const PAGE_MAX = 50;

function jsonError(type: string, message: string, status = 400): JsonReply {
  return { status, body: JSON.stringify({ __type: type, message }) };
}

interface LookupInput {
  LookupAttributes?: { AttributeKey?: string; AttributeValue?: string }[];
  StartTime?: number;
  EndTime?: number;
  MaxResults?: number;
  NextToken?: string;
}

/** Answers LookupEvents from the history: one lookup attribute, a time range, pages of 50. */
export function answerLookupEvents(
  events: readonly SimTrailEvent[],
  input: LookupInput,
): JsonReply {
  const attributes = input.LookupAttributes ?? [];
  if (attributes.length > 1) {
    return jsonError(
      'InvalidLookupAttributesException',
      'You cannot specify more than one lookup attribute.',
    );
  }
  const size = input.MaxResults ?? PAGE_MAX;
  if (!Number.isInteger(size) || size < 1 || size > PAGE_MAX) {
    return jsonError('InvalidMaxResultsException', 'Max results must be between 1 and 50.');
  }
  const [attribute] = attributes;
  const start = input.StartTime === undefined ? -Infinity : input.StartTime * 1000;
  const end = input.EndTime === undefined ? Infinity : input.EndTime * 1000;
  if (start > end) return jsonError('InvalidTimeRangeException', 'Start time is after end time.');
  const matching = events
    .filter((event) => {
      const at = Date.parse(event.record.eventTime);
      if (at < start || at > end) return false;
      if (!attribute) return true;
      if (attribute.AttributeKey === 'ResourceName') {
        return event.resources.some((r) => r.ResourceName === attribute.AttributeValue);
      }
      if (attribute.AttributeKey === 'EventName')
        return event.record.eventName === attribute.AttributeValue;
      return false;
    })
    .sort((a, b) => Date.parse(b.record.eventTime) - Date.parse(a.record.eventTime));
  const offset = input.NextToken ? Number.parseInt(input.NextToken.replace(/^ct-/, ''), 10) : 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > matching.length) {
    return jsonError('InvalidNextTokenException', 'Invalid NextToken.');
  }
  const page = matching.slice(offset, offset + size);
  const next = offset + size < matching.length ? `ct-${offset + size}` : undefined;
  return {
    status: 200,
    body: JSON.stringify({
      Events: page.map((event) => {
        const identity = (event.record['userIdentity'] ?? {}) as {
          userName?: string;
          arn?: string;
        };
        return {
          EventId: String(event.record['eventID'] ?? randomUUID()),
          EventName: event.record.eventName,
          ReadOnly: String(event.record.readOnly ?? false),
          EventTime: Date.parse(event.record.eventTime) / 1000,
          EventSource: event.record['eventSource'],
          Username: identity.userName ?? identity.arn?.split('/').pop(),
          Resources: event.resources,
          CloudTrailEvent: JSON.stringify(event.record),
        };
      }),
      ...(next && { NextToken: next }),
    }),
  };
}

/** What the CloudTrail part of the sim shares with the server. */
export interface CloudTrailSimState {
  readonly world: AwsWorld;
  readonly faults: FaultBook;
  readonly calls: SimCall[];
}

// Arrival times of the calls let through, per account|region, on the world's clock. Kept per
// world so two sims never share a limit.
const admitted = new WeakMap<SimCloudTrail, Map<string, number[]>>();

/** Whether a call at `now` keeps within the rate: at most `rate` calls in any second. */
function admit(trail: SimCloudTrail, key: string, now: number): boolean {
  const rate = trail.ratePerSecond ?? 2;
  let byKey = admitted.get(trail);
  if (!byKey) {
    byKey = new Map();
    admitted.set(trail, byKey);
  }
  const recent = (byKey.get(key) ?? []).filter((at) => at > now - 1000);
  if (recent.length >= rate) {
    byKey.set(key, recent);
    return false;
  }
  byKey.set(key, [...recent, now]);
  return true;
}

/**
 * Answers one CloudTrail request (`X-Amz-Target: CloudTrail_20131101.<Action>`): LookupEvents
 * only, throttled past the rate per account and region as measured on `world.cloudtrail.now`.
 */
export async function answerCloudTrailHttp(
  req: IncomingMessage,
  res: ServerResponse,
  state: CloudTrailSimState,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const action = String(req.headers['x-amz-target'] ?? '').replace(
    /^(com\.amazonaws\.cloudtrail\.v20131101\.)?CloudTrail_20131101\./,
    '',
  );
  const scope = parseAuthorization(req.headers.authorization);
  const region = scope?.region ?? 'us-east-1';
  const trail = state.world.cloudtrail;
  const call: SimCall = {
    service: 'cloudtrail',
    action,
    accountId: undefined,
    region: scope?.region,
    params: body ? (JSON.parse(body) as Record<string, unknown>) : {},
    status: 0,
    ...(trail && { at: trail.now() }),
  };
  const found = scope
    ? authenticate(state.world, scope.accessKeyId, req.headers['x-amz-security-token'])
    : undefined;
  let reply: JsonReply;
  if (!found) {
    reply = jsonError(
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  } else if (action !== 'LookupEvents') {
    call.accountId = found.accountId;
    reply = jsonError('UnknownOperationException', `Unknown operation ${action}`);
  } else {
    call.accountId = found.accountId;
    const { effect } = state.faults.take({
      service: 'cloudtrail',
      action,
      account: found.accountId,
      region,
    });
    if (effect?.kind === 'deny') {
      reply = jsonError(
        'AccessDeniedException',
        `User is not authorized to perform: cloudtrail:${action}`,
      );
    } else if (effect?.kind === 'throttle') {
      reply = jsonError('ThrottlingException', 'Rate exceeded');
    } else if (effect) {
      reply = jsonError('InternalFailure', 'An internal error occurred.', 500);
    } else if (trail && !admit(trail, `${found.accountId}|${region}`, trail.now())) {
      reply = jsonError('ThrottlingException', 'Rate exceeded');
      call.fault = 'throttle';
    } else {
      const events = trail?.events[found.accountId]?.[region] ?? [];
      reply = answerLookupEvents(events, call.params as LookupInput);
    }
  }
  call.status = reply.status;
  state.calls.push(call);
  res
    .writeHead(reply.status, {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-requestid': randomUUID(),
    })
    .end(reply.body);
}
