import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One execution the fake holds, by name. */
export interface SimExecution {
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
  input: string;
  startDate: Date;
  stopDate?: Date;
  error?: string;
  cause?: string;
}

/** One request the fake answered. */
export interface SfnCall {
  action: string;
  params: Record<string, unknown>;
  status: number;
}

/** A running Step Functions fake (JSON 1.0 protocol, `AWSStepFunctions.*` targets). */
export interface SfnSim {
  url: string;
  /** The one state machine it knows. */
  stateMachineArn: string;
  executions: Map<string, SimExecution>;
  calls: SfnCall[];
  faults: {
    /** Answers ThrottlingException (400) to the next `count` calls of `action` (`*`: any). */
    throttle(action: string, count: number): void;
    /** Answers a 5xx ServiceUnavailable to the next `count` calls of `action`. */
    fail(action: string, count: number, status?: number): void;
    clear(): void;
  };
  /** Ends an execution, as the state machine would. */
  finish(
    name: string,
    status: SimExecution['status'],
    error?: { error: string; cause: string },
  ): void;
  close(): Promise<void>;
}

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';

/**
 * Starts a Step Functions fake on a loopback port: StartExecution (a name is unique per state
 * machine; the same name and input while running answers the same execution, as Step Functions
 * does; anything else ExecutionAlreadyExists) and DescribeExecution (ExecutionDoesNotExist).
 * Requests without a SigV4 Authorization header are refused, as AWS refuses them.
 */
export async function startSfnSim(stateMachineName = 'statetrail-scan'): Promise<SfnSim> {
  const stateMachineArn = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${stateMachineName}`;
  const executionPrefix = `arn:aws:states:${REGION}:${ACCOUNT}:execution:${stateMachineName}:`;
  const executions = new Map<string, SimExecution>();
  const calls: SfnCall[] = [];
  let faults: { action: string; count: number; kind: 'throttle' | 'fail'; status: number }[] = [];

  function answer(res: ServerResponse, call: SfnCall, status: number, body: unknown): void {
    call.status = status;
    calls.push(call);
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
    res.end(JSON.stringify(body));
  }
  const error = (type: string, message: string) => ({ __type: type, message });
  const seconds = (date: Date) => date.getTime() / 1000;

  function handle(req: IncomingMessage, res: ServerResponse, text: string): void {
    const target = String(req.headers['x-amz-target'] ?? '');
    const action = target.replace(/^AWSStepFunctions\./, '');
    const params = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    const call: SfnCall = { action, params, status: 0 };
    if (!String(req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 ')) {
      answer(res, call, 400, error('MissingAuthenticationToken', 'Missing Authentication Token'));
      return;
    }
    const fault = faults.find((f) => (f.action === '*' || f.action === action) && f.count > 0);
    if (fault) {
      fault.count--;
      if (fault.kind === 'throttle')
        answer(res, call, 400, error('ThrottlingException', 'Rate exceeded'));
      else answer(res, call, fault.status, error('ServiceUnavailable', 'Service unavailable'));
      return;
    }
    if (action === 'StartExecution') {
      if (params['stateMachineArn'] !== stateMachineArn) {
        answer(res, call, 400, error('StateMachineDoesNotExist', 'State Machine Does Not Exist'));
        return;
      }
      const name = String(params['name'] ?? '');
      const input = String(params['input'] ?? '{}');
      const existing = executions.get(name);
      if (existing && !(existing.status === 'RUNNING' && existing.input === input)) {
        answer(
          res,
          call,
          400,
          error('ExecutionAlreadyExists', `Execution Already Exists: '${executionPrefix}${name}'`),
        );
        return;
      }
      const execution = existing ?? { status: 'RUNNING' as const, input, startDate: new Date() };
      executions.set(name, execution);
      answer(res, call, 200, {
        executionArn: `${executionPrefix}${name}`,
        startDate: seconds(execution.startDate),
      });
      return;
    }
    if (action === 'DescribeExecution') {
      const arn = String(params['executionArn'] ?? '');
      const execution = arn.startsWith(executionPrefix)
        ? executions.get(arn.slice(executionPrefix.length))
        : undefined;
      if (!execution) {
        answer(
          res,
          call,
          400,
          error('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`),
        );
        return;
      }
      answer(res, call, 200, {
        executionArn: arn,
        stateMachineArn,
        name: arn.slice(executionPrefix.length),
        status: execution.status,
        startDate: seconds(execution.startDate),
        ...(execution.stopDate ? { stopDate: seconds(execution.stopDate) } : {}),
        input: execution.input,
        ...(execution.error ? { error: execution.error, cause: execution.cause } : {}),
      });
      return;
    }
    answer(res, call, 400, error('UnknownOperationException', `Unknown operation ${action}`));
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stateMachineArn,
    executions,
    calls,
    faults: {
      throttle: (action, count) => faults.push({ action, count, kind: 'throttle', status: 400 }),
      fail: (action, count, status = 503) => faults.push({ action, count, kind: 'fail', status }),
      clear: () => {
        faults = [];
      },
    },
    finish(name, status, failure) {
      const execution = executions.get(name);
      if (!execution) throw new Error(`no execution ${name}`);
      execution.status = status;
      execution.stopDate = new Date(execution.startDate.getTime() + 60_000);
      if (failure) Object.assign(execution, failure);
    },
    close: () =>
      new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
