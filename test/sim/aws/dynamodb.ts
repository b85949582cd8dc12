import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { breakTransport } from './broken-answers.js';
import {
  evaluateCondition,
  InvalidConditionError,
  parseCondition,
  UnsupportedConditionError,
} from './dynamodb-conditions.js';
import { type FaultBook, takeFault } from './faults.js';
import type { SimCall } from './server.js';
import { parseAuthorization } from './sigv4.js';
import { type AwsWorld, authenticate } from './world.js';

type Item = Record<string, AttributeValue>;

/** One simulated table: a partition key (no sort key) and its items by key value. */
export interface SimTable {
  readonly partitionKey: string;
  readonly items: Map<string, Item>;
}

/** Region -> table name -> table, of one account. */
export type SimDynamoAccount = Record<string, Record<string, SimTable>>;

/** Creates an empty table in an account's region of the world (the account must exist). */
export function createTable(
  world: AwsWorld,
  where: { account: string; region: string; table: string; partitionKey?: string },
): SimTable {
  const account = world.accounts[where.account];
  if (!account) throw new Error(`No account ${where.account} in the simulated world`);
  account.dynamodb ??= {};
  const tables = account.dynamodb[where.region] ?? {};
  account.dynamodb[where.region] = tables;
  const table: SimTable = { partitionKey: where.partitionKey ?? 'pk', items: new Map() };
  tables[where.table] = table;
  return table;
}

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

const PREFIX = 'com.amazonaws.dynamodb.v20120810#';

function error(type: string, message: string, status = 400, extra = {}): Reply {
  return { status, body: { __type: `${PREFIX}${type}`, message, ...extra } };
}

/** Every request field the sim understands per operation; others are refused, never ignored. */
const FIELDS: Readonly<Record<string, ReadonlySet<string>>> = {
  PutItem: new Set([
    'TableName',
    'Item',
    'ConditionExpression',
    'ExpressionAttributeNames',
    'ExpressionAttributeValues',
    'ReturnValuesOnConditionCheckFailure',
  ]),
  DeleteItem: new Set([
    'TableName',
    'Key',
    'ConditionExpression',
    'ExpressionAttributeNames',
    'ExpressionAttributeValues',
    'ReturnValuesOnConditionCheckFailure',
  ]),
  GetItem: new Set(['TableName', 'Key', 'ConsistentRead']),
};

interface Request {
  TableName?: string;
  Item?: Item;
  Key?: Item;
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Item;
  ReturnValuesOnConditionCheckFailure?: 'ALL_OLD' | 'NONE';
}

function keyOf(table: SimTable, item: Item | undefined): string | Reply {
  const value = item?.[table.partitionKey]?.S;
  if (value === undefined || Object.keys(item ?? {}).length === 0) {
    return error('ValidationException', 'The provided key element does not match the schema');
  }
  return value;
}

/** Answers one data-plane call against the account's table; pure apart from the table. */
export function answerDynamo(
  action: string,
  request: Request,
  tables: Record<string, SimTable> | undefined,
): Reply {
  const allowed = FIELDS[action];
  if (!allowed) return error('UnknownOperationException', `aws sim: ${action} is not simulated`);
  const unknown = Object.keys(request).find((field) => !allowed.has(field));
  if (unknown) return error('AwsSimBug', `aws sim: ${action} field ${unknown} is not simulated`);
  const table = request.TableName ? tables?.[request.TableName] : undefined;
  if (!table) {
    return error('ResourceNotFoundException', 'Requested resource not found');
  }
  if (action === 'GetItem') {
    if (Object.keys(request.Key ?? {}).length !== 1) return keyError();
    const key = keyOf(table, request.Key);
    if (typeof key !== 'string') return key;
    const item = table.items.get(key);
    return { status: 200, body: item ? { Item: item } : {} };
  }
  const key = action === 'PutItem' ? keyOf(table, request.Item) : keyOf(table, request.Key);
  if (typeof key !== 'string') return key;
  if (action === 'DeleteItem' && Object.keys(request.Key ?? {}).length !== 1) return keyError();
  const current = table.items.get(key);
  if (request.ConditionExpression !== undefined) {
    const context = {
      names: request.ExpressionAttributeNames,
      values: request.ExpressionAttributeValues,
    };
    let holds: boolean;
    try {
      const condition = parseCondition(request.ConditionExpression, context);
      holds = evaluateCondition(condition, current, request.ExpressionAttributeValues ?? {});
    } catch (failure) {
      if (failure instanceof InvalidConditionError) {
        return error('ValidationException', failure.message);
      }
      if (failure instanceof UnsupportedConditionError) return error('AwsSimBug', failure.message);
      throw failure;
    }
    if (!holds) {
      const old = request.ReturnValuesOnConditionCheckFailure === 'ALL_OLD' && current;
      return error('ConditionalCheckFailedException', 'The conditional request failed', 400, {
        ...(old ? { Item: old } : {}),
      });
    }
  } else if (request.ExpressionAttributeValues || request.ExpressionAttributeNames) {
    return error(
      'ValidationException',
      'ExpressionAttributeNames and ExpressionAttributeValues can only be specified when using expressions',
    );
  }
  if (action === 'PutItem' && request.Item) table.items.set(key, request.Item);
  else table.items.delete(key);
  return { status: 200, body: {} };
}

function keyError(): Reply {
  return error('ValidationException', 'The provided key element does not match the schema');
}

/** What the DynamoDB part of the sim shares with the server. */
export interface DynamoSimState {
  readonly world: AwsWorld;
  readonly faults: FaultBook;
  readonly calls: SimCall[];
}

/**
 * Answers one awsJson1_0 request to DynamoDB (`X-Amz-Target: DynamoDB_20120810.<Action>`) over
 * HTTP: authenticates, logs the call, applies faults (throttle: ProvisionedThroughputExceeded;
 * fail: InternalServerError; deny: AccessDenied; reset and hang break the transport).
 */
export async function answerDynamoHttp(
  req: IncomingMessage,
  res: ServerResponse,
  state: DynamoSimState,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const action = String(req.headers['x-amz-target'] ?? '').replace(/^DynamoDB_20120810\./, '');
  const scope = parseAuthorization(req.headers.authorization);
  const params = (text ? JSON.parse(text) : {}) as Request & Record<string, unknown>;
  const call: SimCall = {
    service: 'dynamodb',
    action,
    accountId: undefined,
    region: scope?.region,
    params,
    status: 0,
  };
  const caller = scope
    ? authenticate(state.world, scope.accessKeyId, req.headers['x-amz-security-token'])
    : undefined;
  let reply: Reply;
  if (!scope || !caller) {
    reply = error(
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  } else {
    call.accountId = caller.accountId;
    const effect = await takeFault(state.faults, {
      service: 'dynamodb',
      action,
      account: caller.accountId,
      region: scope.region,
    });
    if (effect) call.fault = effect.kind;
    if (effect?.kind === 'reset' || effect?.kind === 'hang') {
      state.calls.push(call);
      breakTransport(effect.kind, req);
      return;
    }
    if (effect?.kind === 'throttle') {
      reply = error(
        'ProvisionedThroughputExceededException',
        'The level of configured provisioned throughput for the table was exceeded.',
      );
    } else if (effect?.kind === 'deny') {
      reply = error(
        'AccessDeniedException',
        `User: ${caller.key.principalArn} is not authorized to perform: dynamodb:${action}`,
      );
    } else if (effect) {
      reply = error('InternalServerError', 'Internal server error', 500);
    } else {
      const tables = state.world.accounts[caller.accountId]?.dynamodb?.[scope.region];
      reply = answerDynamo(action, params, tables);
    }
  }
  call.status = reply.status;
  state.calls.push(call);
  res
    .writeHead(reply.status, {
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-requestid': randomUUID(),
    })
    .end(JSON.stringify(reply.body));
}
