import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { breakTransport, brokenEc2Answer } from './broken-answers.js';
import { answerCloudTrailHttp } from './cloudtrail.js';
import { answerDynamoHttp } from './dynamodb.js';
import { ec2Actions } from './ec2-handlers.js';
import { answerEks } from './eks-server.js';
import {
  ec2ErrorBody,
  internalError,
  invalidAction,
  missingAuthentication,
  requestLimitExceeded,
  SimApiError,
  type SimService,
  stsAccessDenied,
  stsErrorBody,
  stsThrottling,
  unauthorizedOperation,
  unknownAccessKey,
  unknownParameter,
} from './errors.js';
import { createFaultBook, type FaultEffect, type Faults, takeFault } from './faults.js';
import { answerOrganizationsHttp } from './organizations.js';
import { readQuery } from './query-reader.js';
import { ec2Document, malformedDocument, stsDocument } from './responses.js';
import { answerS3, isS3Request } from './s3-handlers.js';
import { parseAuthorization } from './sigv4.js';
import { stsActions } from './sts-handlers.js';
import { type AwsWorld, authenticate, emptyEc2Region, type SimAccessKey } from './world.js';

/** One request the sim answered. */
export interface SimCall {
  service: SimService;
  action: string;
  /** The caller's account; undefined when the request could not be authenticated. */
  accountId: string | undefined;
  region: string | undefined;
  /** The request's parameters in SDK input shape (`{ MaxResults: 5, Filters: [...] }`). */
  params: Record<string, unknown>;
  status: number;
  /** For pageable calls: false when the caller asked for everything at once (no MaxResults). */
  paginated?: boolean;
  /** The fault that answered the call, if one did. */
  fault?: FaultEffect['kind'];
  /** When the call arrived on the world's CloudTrail clock (CloudTrail calls only). */
  at?: number;
}

/** A running simulated AWS endpoint. */
export interface AwsSim {
  /** `http://127.0.0.1:<port>`, the `endpoint` for every SDK client. */
  url: string;
  /** The live world: mutate it between calls. */
  world: AwsWorld;
  faults: Faults;
  /** Every request so far, oldest first. */
  calls: SimCall[];
  resetCalls(): void;
  close(): Promise<void>;
}

/** Options for the simulated endpoint. */
export interface AwsSimOptions {
  /** Reject EC2 parameters the API does not know with UnknownParameter, as EC2 does. @default true */
  strictParameters?: boolean;
}

/**
 * Starts the simulated EC2 + STS endpoint on a free loopback port.
 *
 * ```ts
 * const sim = await startAwsSim(sampleWorld());
 * const ec2 = new EC2Client({
 *   ...simClientConfig(sim, { region: 'eu-west-1', accessKeyId: 'AKIASIMSAMPLE0000001' }),
 *   retryStrategy: new ConfiguredRetryStrategy(5, () => 0),
 * });
 * sim.faults.throttle({ action: 'DescribeInstances', count: 2 });
 * ```
 */
export async function startAwsSim(world: AwsWorld, options: AwsSimOptions = {}): Promise<AwsSim> {
  const faults = createFaultBook();
  const calls: SimCall[] = [];
  const strict = options.strictParameters ?? true;
  const server = createServer((req, res) => {
    answer(req, res, { world, faults, calls, strict }).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(`aws sim: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    world,
    faults,
    calls,
    resetCalls: () => {
      calls.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // The SDK keeps sockets alive; without this close() would wait for them to time out.
        server.closeAllConnections();
      }),
  };
}

interface SimState {
  world: AwsWorld;
  faults: ReturnType<typeof createFaultBook>;
  calls: SimCall[];
  strict: boolean;
}

interface Reply {
  status: number;
  body: string;
  contentType?: string;
  fault?: FaultEffect['kind'];
  paginated?: boolean;
}

async function answer(req: IncomingMessage, res: ServerResponse, state: SimState): Promise<void> {
  // S3 is REST-XML, path-style: its own router, told apart by the SigV4 scope's service.
  if (isS3Request(req)) return answerS3(req, res, state);
  // EKS is restJson1 (routes by method and path, JSON bodies): its own module answers it.
  if (parseAuthorization(req.headers.authorization)?.service === 'eks') {
    return answerEks(req, res, state);
  }
  // DynamoDB is awsJson1_0 (X-Amz-Target, JSON bodies): its own module answers it.
  if (parseAuthorization(req.headers.authorization)?.service === 'dynamodb') {
    return answerDynamoHttp(req, res, state);
  }
  // Organizations is awsJson1_1 (X-Amz-Target, JSON bodies): its own module answers it.
  if (parseAuthorization(req.headers.authorization)?.service === 'organizations') {
    return answerOrganizationsHttp(req, res, state);
  }
  // CloudTrail is awsJson1_1 too, rate-limited on the world's own clock.
  if (parseAuthorization(req.headers.authorization)?.service === 'cloudtrail') {
    return answerCloudTrailHttp(req, res, state);
  }
  const params = await readParams(req);
  const action = params.get('Action') ?? '';
  params.delete('Action');
  params.delete('Version');
  const scope = parseAuthorization(req.headers.authorization);
  const service: SimService =
    (scope?.service ?? (action in stsActions ? 'sts' : 'ec2')) === 'sts' ? 'sts' : 'ec2';
  const requestId = randomUUID();
  const call: SimCall = {
    service,
    action,
    accountId: undefined,
    region: scope?.region,
    params: Object.fromEntries(params),
    status: 0,
  };
  const reply = await dispatch(req, state, { service, action, params, call, requestId, scope });
  call.status = reply.status;
  if (reply.fault) call.fault = reply.fault;
  if (reply.paginated !== undefined) call.paginated = reply.paginated;
  state.calls.push(call);
  if (breakTransport(reply.fault, req)) return;
  res
    .writeHead(reply.status, {
      'content-type':
        reply.contentType ?? (service === 'ec2' ? 'text/xml;charset=UTF-8' : 'text/xml'),
      'x-amzn-requestid': requestId,
    })
    .end(reply.body);
}

interface Request {
  service: SimService;
  action: string;
  params: Map<string, string>;
  call: SimCall;
  requestId: string;
  scope: ReturnType<typeof parseAuthorization>;
}

async function dispatch(req: IncomingMessage, state: SimState, request: Request): Promise<Reply> {
  const { service, action, params, call, requestId, scope } = request;
  const fail = (error: SimApiError, fault?: FaultEffect['kind']): Reply => ({
    status: error.status,
    body: service === 'ec2' ? ec2ErrorBody(error, requestId) : stsErrorBody(error, requestId),
    ...(fault ? { fault } : {}),
  });
  try {
    if (!scope || (scope.service !== 'ec2' && scope.service !== 'sts')) {
      return fail(
        missingAuthentication(
          service,
          'Authorization header is missing or is not a SigV4 ec2/sts credential scope',
        ),
      );
    }
    const caller = authenticate(
      state.world,
      scope.accessKeyId,
      req.headers['x-amz-security-token'],
    );
    if (!caller) return fail(unknownAccessKey(service));
    call.accountId = caller.accountId;
    const ec2 = service === 'ec2' ? ec2Actions[action] : undefined;
    const sts = service === 'sts' ? stsActions[action] : undefined;
    const schema = ec2?.request ?? sts?.request;
    if (!schema) return fail(invalidAction(service, action));
    const { input, unknownKeys } = readQuery(
      schema,
      params,
      service === 'ec2' ? 'ec2' : 'awsQuery',
    );
    call.params = input;

    const effect = await takeFault(state.faults, {
      service,
      action,
      account: caller.accountId,
      region: scope.region,
    });
    if (effect) return faultReply(effect, service, action, caller.key, requestId, fail);

    if (ec2) {
      const [unknown] = unknownKeys;
      if (state.strict && unknown !== undefined) return fail(unknownParameter(unknown));
      const region = state.world.accounts[caller.accountId]?.ec2[scope.region] ?? emptyEc2Region();
      const ctx = {
        accountId: caller.accountId,
        region: scope.region,
        action,
        ec2: region,
        regions: state.world.regions,
      };
      const result = ec2.handle(input, ctx);
      const body = ec2Document(action, result.schema, result.output, requestId);
      return result.paginated === undefined
        ? { status: 200, body }
        : { status: 200, body, paginated: result.paginated };
    }
    if (sts) {
      const output = sts.handle(input, {
        world: state.world,
        accountId: caller.accountId,
        key: caller.key,
      });
      return { status: 200, body: stsDocument(action, sts.result, output, requestId) };
    }
    return fail(invalidAction(service, action));
  } catch (error) {
    if (error instanceof SimApiError) return fail(error);
    // A bug in the sim: a code no API has and a status the SDK does not retry, so it is never
    // mistaken for an injected fault.
    return fail(new SimApiError('AwsSimBug', 400, String(error)));
  }
}

function faultReply(
  effect: FaultEffect,
  service: SimService,
  action: string,
  key: SimAccessKey,
  requestId: string,
  fail: (error: SimApiError, fault: FaultEffect['kind']) => Reply,
): Reply {
  switch (effect.kind) {
    case 'throttle':
      return fail(service === 'ec2' ? requestLimitExceeded() : stsThrottling(), 'throttle');
    case 'deny':
      return fail(
        service === 'ec2'
          ? unauthorizedOperation(key.principalArn, action)
          : stsAccessDenied(key.principalArn, action),
        'deny',
      );
    case 'fail':
      return fail(internalError(service, effect.status), 'fail');
    case 'malformed':
      return {
        status: 200,
        body: malformedDocument(service, action, requestId),
        fault: 'malformed',
      };
    case 'broken':
      return { status: 200, ...brokenEc2Answer(effect.answer, action), fault: 'broken' };
    case 'reset':
    case 'hang':
      return { status: 200, body: '', fault: effect.kind };
  }
}

async function readParams(req: IncomingMessage): Promise<Map<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const url = new URL(req.url ?? '/', 'http://sim');
  return new Map([...url.searchParams, ...new URLSearchParams(body)]);
}
