import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultBook } from './faults.js';
import type { SimCall } from './server.js';
import { parseAuthorization } from './sigv4.js';
import { type AwsWorld, authenticate } from './world.js';

/** An AWS Organization in the simulated world. */
export interface SimOrganization {
  managementAccountId: string;
  accounts: SimOrganizationAccount[];
}

/** One member account as ListAccounts describes it. */
export interface SimOrganizationAccount {
  id: string;
  name: string;
  status: 'ACTIVE' | 'SUSPENDED' | 'PENDING_CLOSURE';
}

/** An HTTP answer of the awsJson1_1 protocol. */
export interface JsonReply {
  status: number;
  body: string;
}

const PAGE = { min: 1, max: 20 };

/** The awsJson1_1 error document: `__type` names the error, as the SDK reads it. */
export function organizationsError(type: string, message: string, status = 400): JsonReply {
  return { status, body: JSON.stringify({ __type: type, Message: message }) };
}

/**
 * Answers an Organizations call (`X-Amz-Target: AWSOrganizationsV20161128.<Action>`). Only
 * ListAccounts is simulated; the caller must be the management account.
 */
export function answerOrganizations(
  action: string,
  body: string,
  context: { world: AwsWorld & { organization?: SimOrganization }; accountId: string },
): JsonReply {
  if (action !== 'ListAccounts') {
    return organizationsError('UnknownOperationException', `Unknown operation ${action}`);
  }
  const organization = context.world.organization;
  if (!organization) {
    return organizationsError(
      'AWSOrganizationsNotInUseException',
      'Your account is not a member of an organization.',
    );
  }
  if (organization.managementAccountId !== context.accountId) {
    return organizationsError(
      'AccessDeniedException',
      'You don’t have permissions to access this resource.',
    );
  }
  const input = (body ? JSON.parse(body) : {}) as { MaxResults?: number; NextToken?: string };
  const size = input.MaxResults ?? PAGE.max;
  if (size < PAGE.min || size > PAGE.max) {
    return organizationsError(
      'InvalidInputException',
      `MaxResults must be between ${PAGE.min} and ${PAGE.max}.`,
    );
  }
  const start = input.NextToken ? Number.parseInt(input.NextToken.replace(/^page-/, ''), 10) : 0;
  if (!Number.isInteger(start) || start < 0) {
    return organizationsError('InvalidInputException', 'The NextToken is not valid.');
  }
  const slice = organization.accounts.slice(start, start + size);
  const next = start + size < organization.accounts.length ? `page-${start + size}` : undefined;
  return {
    status: 200,
    body: JSON.stringify({
      Accounts: slice.map((account) => ({
        Id: account.id,
        Arn: `arn:aws:organizations::${organization.managementAccountId}:account/o-sim/${account.id}`,
        Email: `${account.name}@example.com`,
        Name: account.name,
        Status: account.status,
        State: account.status === 'ACTIVE' ? 'ACTIVE' : 'SUSPENDED',
        JoinedMethod: 'CREATED',
        JoinedTimestamp: 1_700_000_000,
      })),
      ...(next ? { NextToken: next } : {}),
    }),
  };
}

/** What the Organizations part of the sim shares with the server. */
export interface OrganizationsSimState {
  readonly world: AwsWorld & { organization?: SimOrganization };
  readonly faults: FaultBook;
  readonly calls: SimCall[];
}

/** Answers one awsJson1_1 request to Organizations over HTTP, logging it and applying faults. */
export async function answerOrganizationsHttp(
  req: IncomingMessage,
  res: ServerResponse,
  state: OrganizationsSimState,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const target = String(req.headers['x-amz-target'] ?? '');
  const action = target.replace(/^AWSOrganizationsV20161128\./, '');
  const scope = parseAuthorization(req.headers.authorization);
  const call: SimCall = {
    service: 'organizations',
    action,
    accountId: undefined,
    region: scope?.region,
    params: body ? (JSON.parse(body) as Record<string, unknown>) : {},
    status: 0,
  };
  const found = scope
    ? authenticate(state.world, scope.accessKeyId, req.headers['x-amz-security-token'])
    : undefined;
  let reply: JsonReply;
  if (!found) {
    reply = organizationsError(
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  } else {
    call.accountId = found.accountId;
    const { effect } = state.faults.take({
      service: 'organizations',
      action,
      account: found.accountId,
      region: scope?.region ?? 'us-east-1',
    });
    if (effect?.kind === 'deny') {
      reply = organizationsError(
        'AccessDeniedException',
        'You don’t have permissions to access this resource.',
      );
    } else if (effect?.kind === 'throttle') {
      reply = organizationsError(
        'TooManyRequestsException',
        'AWS Organizations can’t complete your request because another request is already in progress.',
      );
    } else if (effect) {
      reply = organizationsError(
        'ServiceException',
        'AWS Organizations can’t complete your request because of an internal service error.',
        500,
      );
    } else {
      reply = answerOrganizations(action, body, { world: state.world, accountId: found.accountId });
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
