import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { breakTransport, brokenS3Answer } from './broken-answers.js';
import { type FaultBook, type FaultEffect, takeFault } from './faults.js';
import {
  accessDenied,
  identityDenied,
  internalError,
  invalidAccessKeyId,
  noSuchBucket,
  notImplemented,
  notSet,
  permanentRedirect,
  resourceDenied,
  type S3Error,
  slowDown,
} from './s3-errors.js';
import { listBuckets } from './s3-list-buckets.js';
import { S3_CONFIG_OPERATIONS, type S3ConfigOperation } from './s3-operations.js';
import type { SimBucket } from './s3-world.js';
import { document, errorDocument, type RestXmlReply, restXmlReply } from './s3-xml.js';
import type { SimCall } from './server.js';
import { parseAuthorization } from './sigv4.js';
import { type AwsWorld, authenticate, type SimCaller } from './world.js';

/** What the S3 handlers need of the running sim. */
export interface S3SimState {
  world: AwsWorld;
  faults: FaultBook;
  calls: SimCall[];
}

/** True for a request signed for S3 (SigV4 credential scope service `s3`). */
export function isS3Request(req: IncomingMessage): boolean {
  return parseAuthorization(req.headers.authorization)?.service === 's3';
}

/** A parsed S3 request: which operation on which bucket. */
type Route =
  | { kind: 'list'; action: 'ListBuckets'; query: URLSearchParams }
  | { kind: 'config'; action: string; bucket: string; operation: S3ConfigOperation };

/**
 * Answers one path-style S3 request (`GET /` for ListBuckets, `GET /<bucket>?<subresource>` for
 * a configuration read) with S3's real XML, error bodies and headers, and records it in the call
 * log. Requests for a bucket signed for another region get 301 PermanentRedirect, as S3 does.
 */
export async function answerS3(
  req: IncomingMessage,
  res: ServerResponse,
  state: S3SimState,
): Promise<void> {
  for await (const _chunk of req) {
    // GETs have no body; draining keeps the socket reusable.
  }
  const url = new URL(req.url ?? '/', 'http://sim');
  const scope = parseAuthorization(req.headers.authorization);
  const route = routeOf(req.method ?? 'GET', url);
  const call: SimCall = {
    service: 's3',
    action: route?.action ?? `${req.method} ${url.pathname}`,
    accountId: undefined,
    region: scope?.region,
    params: route ? paramsOf(route, req) : {},
    status: 0,
  };
  const reply = await dispatch(req, state, route, call);
  const requestId = randomBytes(8).toString('hex').toUpperCase();
  const hostId = randomBytes(48).toString('base64');
  let body: string;
  let contentType: string;
  let headers: Record<string, string>;
  if ('error' in reply) {
    const { error } = reply;
    call.status = error.status;
    contentType = 'application/xml';
    headers = error.headers ?? {};
    body = errorDocument(error.code, error.message, error.details ?? [], requestId, hostId);
  } else {
    call.status = 200;
    ({ body, contentType, headers } = reply.ok);
  }
  if (reply.fault) call.fault = reply.fault;
  if (route?.kind === 'list')
    call.paginated =
      call.params['MaxBuckets'] !== undefined || call.params['ContinuationToken'] !== undefined;
  state.calls.push(call);
  if (breakTransport(reply.fault, req)) return;
  res
    .writeHead(call.status, {
      ...headers,
      'content-type': contentType,
      'x-amz-request-id': requestId,
      'x-amz-id-2': hostId,
    })
    .end(body);
}

type Reply = ({ ok: RestXmlReply } | { error: S3Error }) & { fault?: FaultEffect['kind'] };

async function dispatch(
  req: IncomingMessage,
  state: S3SimState,
  route: Route | undefined,
  call: SimCall,
): Promise<Reply> {
  const scope = parseAuthorization(req.headers.authorization);
  if (!scope) return { error: accessDenied() };
  const caller = authenticate(state.world, scope.accessKeyId, req.headers['x-amz-security-token']);
  if (!caller) return { error: invalidAccessKeyId(scope.accessKeyId) };
  call.accountId = caller.accountId;
  if (!route) return { error: notImplemented() };

  const effect = await takeFault(state.faults, {
    service: 's3',
    action: route.action,
    account: caller.accountId,
    region: scope.region,
  });
  if (effect) return faultReply(effect, route, caller);

  if (route.kind === 'list') {
    const result = listBuckets(state.world, caller.accountId, route.query);
    return 'error' in result ? result : { ok: result.ok };
  }
  return readConfig(
    state.world,
    route,
    caller,
    scope.region,
    req.headers['x-amz-expected-bucket-owner'],
  );
}

function readConfig(
  world: AwsWorld,
  route: Extract<Route, { kind: 'config' }>,
  caller: SimCaller,
  region: string,
  expectedOwner: string | string[] | undefined,
): Reply {
  const { bucket: name, operation } = route;
  const found = findBucket(world, name);
  if (!found) return { error: noSuchBucket(name) };
  const { bucket, ownerAccountId } = found;
  if (bucket.region !== region) return { error: permanentRedirect(name, bucket.region) };
  if (ownerAccountId !== caller.accountId) return { error: accessDenied() };
  if (expectedOwner !== undefined && expectedOwner !== ownerAccountId)
    return { error: accessDenied() };
  if (bucket.denied?.includes(operation.key)) {
    return { error: resourceDenied(caller.key.principalArn, operation.iamAction, name) };
  }
  const value = bucket.config[operation.key];
  if (value !== undefined) return { ok: restXmlReply(operation.output, value) };
  if ('error' in operation.unset) {
    return { error: notSet(operation.unset.error.code, operation.unset.error.message, name) };
  }
  return { ok: restXmlReply(operation.output, operation.unset.output) };
}

function faultReply(effect: FaultEffect, route: Route, caller: SimCaller): Reply {
  switch (effect.kind) {
    case 'throttle':
      return { error: slowDown(), fault: 'throttle' };
    case 'deny': {
      const iamAction = route.kind === 'list' ? 's3:ListAllMyBuckets' : route.operation.iamAction;
      const resource = route.kind === 'list' ? 'arn:aws:s3:::*' : `arn:aws:s3:::${route.bucket}`;
      return { error: identityDenied(caller.key.principalArn, iamAction, resource), fault: 'deny' };
    }
    case 'fail':
      return { error: internalError(effect.status), fault: 'fail' };
    case 'malformed':
      return { ok: truncated(route), fault: 'malformed' };
    case 'broken': {
      const broken = brokenS3Answer(
        effect.answer,
        route.kind === 'list' ? undefined : route.operation,
      );
      return { ok: { headers: {}, ...broken }, fault: 'broken' };
    }
    case 'reset':
    case 'hang':
      return { ok: { headers: {}, contentType: 'application/xml', body: '' }, fault: effect.kind };
  }
}

// A 200 cut off mid-body: XML that does not close, or a policy whose JSON stops halfway.
function truncated(route: Route): RestXmlReply {
  if (route.kind === 'config' && route.operation.key === 'BucketPolicy') {
    return {
      headers: {},
      contentType: 'application/json',
      body: '{"Version":"2012-10-17","Statement":[{"Sid":',
    };
  }
  // The operation's own (empty) document, cut off before its root element closes.
  const whole =
    route.kind === 'list'
      ? document('ListAllMyBucketsResult', '<Buckets></Buckets>')
      : restXmlReply(route.operation.output, {}).body;
  return { headers: {}, contentType: 'application/xml', body: whole.slice(0, whole.length - 4) };
}

function routeOf(method: string, url: URL): Route | undefined {
  if (method !== 'GET') return undefined;
  const segments = url.pathname.split('/').filter((s) => s !== '');
  if (segments.length === 0)
    return { kind: 'list', action: 'ListBuckets', query: url.searchParams };
  const [encoded] = segments;
  if (segments.length !== 1 || encoded === undefined) return undefined; // object keys: not served
  const subresources = [...url.searchParams.keys()].filter((key) => key !== 'x-id');
  const [subresource] = subresources;
  const operation = subresource === undefined ? undefined : S3_CONFIG_OPERATIONS[subresource];
  if (subresources.length !== 1 || !operation) return undefined;
  return {
    kind: 'config',
    action: operation.action,
    bucket: decodeURIComponent(encoded),
    operation,
  };
}

// The request's parameters in SDK input shape, for the call log.
function paramsOf(route: Route, req: IncomingMessage): Record<string, unknown> {
  if (route.kind === 'config') {
    const owner = req.headers['x-amz-expected-bucket-owner'];
    return {
      Bucket: route.bucket,
      ...(typeof owner === 'string' ? { ExpectedBucketOwner: owner } : {}),
    };
  }
  const q = route.query;
  const params: Record<string, unknown> = {};
  const max = q.get('max-buckets');
  if (max !== null) params['MaxBuckets'] = Number(max);
  for (const [name, key] of [
    ['ContinuationToken', 'continuation-token'],
    ['Prefix', 'prefix'],
    ['BucketRegion', 'bucket-region'],
  ] as const) {
    const value = q.get(key);
    if (value !== null) params[name] = value;
  }
  return params;
}

function findBucket(
  world: AwsWorld,
  name: string,
): { bucket: SimBucket; ownerAccountId: string } | undefined {
  for (const [accountId, account] of Object.entries(world.accounts)) {
    const bucket = account.s3?.buckets.find((b) => b.name === name);
    if (bucket) return { bucket, ownerAccountId: accountId };
  }
  return undefined;
}
