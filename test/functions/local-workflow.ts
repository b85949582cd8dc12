import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { StateMachine as LocalStateMachine } from 'aws-local-stepfunctions';
import {
  type AslDefinition,
  type AslState,
  allStates,
  logicalIdOf,
} from '../infra/workflow-definition.js';
import { lambdaContext } from './step-world.js';

/** A function the local run calls for a Lambda task: the handler's event in, its answer out. */
export type LocalFunction = (event: unknown) => Promise<unknown>;

/** aws-local-stepfunctions needs Node 22's Promise.withResolvers; this machine may run Node 20. */
function polyfillWithResolvers(): void {
  if ('withResolvers' in Promise) return;
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    value<T>() {
      let resolve!: (value: T) => void;
      let reject!: (reason: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

/** Loads each handler file (`functions/plan.ts`) as the Lambda runtime would: its `handler`. */
export function handlerFunctions(
  handlers: ReadonlyMap<string, string>,
): Map<string, LocalFunction> {
  const functions = new Map<string, LocalFunction>();
  for (const [logicalId, entry] of handlers) {
    functions.set(logicalId, async (event) => {
      const module = (await import(
        /* @vite-ignore */ `../../${entry.replace(/\.ts$/, '.js')}`
      )) as {
        handler: (event: unknown, context: unknown) => Promise<unknown>;
      };
      return module.handler(event, lambdaContext(logicalId));
    });
  }
  return functions;
}

/**
 * The definition as the local interpreter can run it. It knows no Distributed Map ItemReader or
 * ResultWriter, so the reader becomes a Task of the same name (its Parameters evaluated by the
 * interpreter, its S3 GetObject done by {@link runLocally}) that feeds the map's ItemsPath; the
 * writer is dropped (the map's result is discarded either way).
 */
export function localDefinition(definition: AslDefinition): AslDefinition {
  const rewrite = (d: AslDefinition): AslDefinition => {
    const states: Record<string, AslState> = {};
    for (const [name, state] of Object.entries(d.States)) {
      const {
        ItemReader,
        ResultWriter: _writer,
        ...rest
      } = state as AslState & {
        ItemReader?: { Resource: string; Parameters: Record<string, unknown> };
        ResultWriter?: unknown;
      };
      const branches = rest.Branches?.map(rewrite);
      const processor = rest.ItemProcessor && {
        ...rest.ItemProcessor,
        ...rewrite(rest.ItemProcessor),
      };
      const rewritten = {
        ...rest,
        ...(branches ? { Branches: branches } : {}),
        ...(processor ? { ItemProcessor: processor } : {}),
      } as AslState;
      if (!ItemReader) {
        states[name] = rewritten;
        continue;
      }
      states[name] = {
        Type: 'Task',
        Resource: ItemReader.Resource,
        Parameters: ItemReader.Parameters,
        ResultPath: '$.readItems',
        Next: `${name}Items`,
      };
      states[`${name}Items`] = { ...rewritten, ItemsPath: '$.readItems' };
    }
    return { ...d, States: states };
  };
  return rewrite(definition);
}

/** Options of {@link runLocally}. */
export interface LocalRun {
  readonly definition: AslDefinition;
  /** Lambda functions by logical id. */
  readonly functions: ReadonlyMap<string, LocalFunction>;
  /** The staging bucket's client, for the ItemReader. */
  readonly s3: S3Client;
  /** The execution's name: the scan id. */
  readonly name: string;
  readonly input: unknown;
  /** An error to throw instead of calling a function (a Lambda that keeps failing). */
  readonly fault?: (logicalId: string, event: unknown) => Error | undefined;
}

/**
 * Runs the definition in-process with aws-local-stepfunctions: every Lambda task calls the
 * function its `FunctionName` names, with the Payload the definition built, and answers as the
 * `lambda:invoke` integration does; Wait states and retry intervals take no time.
 */
export async function runLocally(run: LocalRun): Promise<unknown> {
  polyfillWithResolvers();
  const { StateMachine } = (await import('aws-local-stepfunctions')) as {
    StateMachine: typeof LocalStateMachine;
  };
  const definition = localDefinition(run.definition);
  // Typed loosely: the interpreter hands over and takes back plain JSON.
  const handlers: Record<string, (input: never) => Promise<never>> = {};
  const waits: Record<string, number> = {};
  const retries: Record<string, number> = {};
  for (const [name, state] of allStates(definition)) {
    if (state.Type === 'Wait') waits[name] = 0;
    if (state.Retry) retries[name] = 0;
    if (state.Type !== 'Task') continue;
    if (state.Resource?.endsWith(':states:::s3:getObject')) {
      handlers[name] = (async (input: { Bucket: string; Key: string }) => {
        const object = await run.s3.send(
          new GetObjectCommand({ Bucket: input.Bucket, Key: input.Key }),
        );
        return JSON.parse((await object.Body?.transformToString()) ?? 'null');
      }) as never;
    } else if (state.Resource?.endsWith(':states:::lambda:invoke')) {
      handlers[name] = (async (input: { FunctionName: string; Payload: unknown }) => {
        const logicalId = logicalIdOf(input.FunctionName);
        const fn = run.functions.get(logicalId);
        if (!fn) throw new Error(`no local function for ${logicalId}`);
        // What Lambda receives is JSON: nothing but what the definition built crosses over.
        const event = JSON.parse(JSON.stringify(input.Payload)) as unknown;
        const fault = run.fault?.(logicalId, event);
        if (fault) throw fault;
        const answer = await fn(event);
        return {
          ExecutedVersion: '$LATEST',
          StatusCode: 200,
          Payload: JSON.parse(JSON.stringify(answer ?? null)),
        };
      }) as never;
    } else {
      throw new Error(`state ${name} uses ${state.Resource}, which the local run does not emulate`);
    }
  }
  const machine = new StateMachine(definition as never, {
    validationOptions: { checkArn: false, checkPaths: false },
  });
  const execution = machine.run(run.input as never, {
    context: { Execution: { Name: run.name, Input: run.input as never } },
    overrides: {
      taskResourceLocalHandlers: handlers as never,
      waitTimeOverrides: waits,
      retryIntervalOverrides: retries,
    },
  });
  return execution.result;
}
