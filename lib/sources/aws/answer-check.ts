import type { EC2Client } from '@aws-sdk/client-ec2';
import type { EKSClient } from '@aws-sdk/client-eks';
import type { S3Client } from '@aws-sdk/client-s3';
import type {
  DeserializeMiddleware,
  HandlerExecutionContext,
  InitializeMiddleware,
  MetadataBearer,
  MiddlewareStack,
} from '@smithy/types';
import { ANSWER_SHAPES, type AnswerShape } from './answer-shapes.js';
import { MalformedAnswerError } from './errors.js';

/** The problem with a 2xx body, or undefined when it has the operation's form. */
export function bodyProblem(shape: AnswerShape, body: string): string | undefined {
  if (body.trim() === '') return 'an empty body';
  if (shape.body === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return 'a body that is not JSON';
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return 'a JSON body that is not an object';
    const missing = shape.bodyKeys?.find((key) => !Object.hasOwn(parsed, key));
    return missing === undefined ? undefined : `a JSON body without ${missing}`;
  }
  const root = rootElement(body);
  if (root === undefined) return 'a body that is not XML';
  if (shape.root !== undefined && root !== shape.root) return `a <${root}> document`;
  return undefined;
}

/** The problem with a deserialized output, or undefined when its lists and objects are there. */
export function outputProblem(shape: AnswerShape, output: object): string | undefined {
  const fields = output as Record<string, unknown>;
  const list = shape.lists?.find((name) => !Array.isArray(fields[name]));
  if (list !== undefined) return `an answer without ${list}`;
  const object = shape.objects?.find((name) => !isObject(fields[name]));
  return object === undefined ? undefined : `an answer without ${object}`;
}

/**
 * Makes a client refuse 2xx answers that are not its operations' documents, as a
 * {@link MalformedAnswerError}: collectors then treat them as any failed call (the scope stays
 * incomplete, a per-resource read unreadable) instead of as an empty listing. Operations without
 * a declared shape pass untouched.
 */
export function checkAnswers<T extends EC2Client | EKSClient | S3Client>(client: T): T {
  const stack = client.middlewareStack as unknown as MiddlewareStack<object, MetadataBearer>;
  stack.add(checkBody, {
    step: 'deserialize',
    priority: 'low',
    name: 'statetrailAnswerBody',
  });
  stack.add(checkOutput, {
    step: 'initialize',
    priority: 'low',
    name: 'statetrailAnswerOutput',
  });
  return client;
}

// Runs inside the SDK's deserializer, on the raw response: the body is buffered, checked, and
// handed on as bytes (the deserializer reads a Uint8Array as it reads a stream).
const checkBody: DeserializeMiddleware<object, MetadataBearer> =
  (next, context) => async (args) => {
    const result = await next(args);
    const shape = shapeOf(context);
    const response = result.response as { statusCode?: number; body?: unknown };
    const status = response.statusCode ?? 0;
    if (!shape || status < 200 || status > 299) return result;
    const bytes = await readBytes(response.body);
    response.body = bytes;
    const problem = bodyProblem(shape, new TextDecoder().decode(bytes));
    if (problem !== undefined) throw new MalformedAnswerError(operationOf(context), problem);
    return result;
  };

const checkOutput: InitializeMiddleware<object, MetadataBearer> =
  (next, context) => async (args) => {
    const result = await next(args);
    const shape = shapeOf(context);
    const problem = shape ? outputProblem(shape, result.output) : undefined;
    if (problem !== undefined) throw new MalformedAnswerError(operationOf(context), problem);
    return result;
  };

function operationOf(context: HandlerExecutionContext): string {
  return (context.commandName ?? '').replace(/Command$/, '');
}

function shapeOf(context: HandlerExecutionContext): AnswerShape | undefined {
  return ANSWER_SHAPES.get(operationOf(context));
}

async function readBytes(body: unknown): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array();
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return new TextEncoder().encode(body);
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>)
    chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  return Buffer.concat(chunks);
}

// The local name of the first element, past the XML declaration, comments and whitespace.
function rootElement(body: string): string | undefined {
  const match =
    /^\s*(?:<\?[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([A-Za-z_][\w.:-]*)/i.exec(
      body,
    );
  const name = match?.[1];
  return name?.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
