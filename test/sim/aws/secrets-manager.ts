import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running simulated Secrets Manager (awsJson1_1, GetSecretValue only). */
export interface SecretsManagerSim {
  /** `http://127.0.0.1:<port>`: the client's endpoint (`secretsmanager=` in STATETRAIL_ENDPOINTS). */
  readonly url: string;
  /** ARN -> SecretString; mutate it to rotate a secret. */
  readonly secrets: Map<string, string>;
  /** Every GetSecretValue's SecretId, oldest first. */
  readonly reads: string[];
  /** The next `count` reads of any secret answer AccessDeniedException. */
  deny(count?: number): void;
  close(): Promise<void>;
}

/** Starts the fake on a free loopback port, holding `secrets` (ARN -> value). */
export async function startSecretsManagerSim(
  secrets: Record<string, string> = {},
): Promise<SecretsManagerSim> {
  const store = new Map(Object.entries(secrets));
  const reads: string[] = [];
  let denials = 0;
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const reply = answer(req.headers['x-amz-target'], body);
      res
        .writeHead(reply.status, {
          'content-type': 'application/x-amz-json-1.1',
          'x-amzn-requestid': randomUUID(),
        })
        .end(JSON.stringify(reply.body));
    });
  });
  function answer(target: unknown, body: string): { status: number; body: unknown } {
    if (target !== 'secretsmanager.GetSecretValue') {
      return error('UnknownOperationException', `Unknown operation ${String(target)}`);
    }
    const { SecretId } = JSON.parse(body || '{}') as { SecretId?: string };
    reads.push(SecretId ?? '');
    if (denials > 0) {
      denials -= 1;
      return error('AccessDeniedException', 'User is not authorized to perform GetSecretValue');
    }
    const value = SecretId === undefined ? undefined : store.get(SecretId);
    if (SecretId === undefined || value === undefined) {
      return error('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
    }
    return {
      status: 200,
      body: {
        ARN: SecretId,
        Name: SecretId.split(':secret:')[1] ?? SecretId,
        SecretString: value,
        VersionId: randomUUID(),
        VersionStages: ['AWSCURRENT'],
        CreatedDate: 1_700_000_000,
      },
    };
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    secrets: store,
    reads,
    deny(count = 1) {
      denials = count;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((closeError) => (closeError ? reject(closeError) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function error(type: string, message: string): { status: number; body: unknown } {
  return { status: 400, body: { __type: type, message } };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
