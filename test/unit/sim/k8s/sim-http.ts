import { request } from 'node:https';
import type { KubeSim } from '../../../sim/k8s/server.js';

/** A raw answer from the sim. */
export interface RawReply {
  status: number;
  contentType: string | undefined;
  body: unknown;
}

/** GETs a path from the sim over HTTPS, trusting its CA; the token defaults to the sim's. */
export function simGet(
  sim: KubeSim,
  path: string,
  headers: Record<string, string> = {},
  token: string | null = sim.token,
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${sim.url}${path}`,
      {
        ca: sim.caPem,
        headers: {
          accept: 'application/json',
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {}
          resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], body });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}
