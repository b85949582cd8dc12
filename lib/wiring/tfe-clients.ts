import type { Clock, Logger } from '../model/index.js';
import type { ReadSecret } from '../model/secrets.js';
import { StateSourceError } from '../terraform/errors.js';
import { createTfeClient, type TfeClient } from '../terraform/sources/tfe-client.js';

/** How one host is reached: the config's `terraform.hosts.<host>` (lib/config's TfeHostConfig). */
export interface TfeHostSettings {
  readonly tokenSecretArn?: string | undefined;
  readonly tokenEnv?: string | undefined;
  readonly address?: string | undefined;
}

/** Host -> how it is reached. */
export type TfeHosts = Readonly<Record<string, TfeHostSettings>>;

/** What building the HCP Terraform clients needs. */
export interface TfeClientsOptions {
  /** `terraform.hosts` of the config. */
  readonly hosts: TfeHosts;
  /** Where `TF_TOKEN_<host>` and `tokenEnv` are read. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Reads `tokenSecretArn` (deployed: Powertools Parameters); without it only the environment serves. */
  readonly readSecret?: ReadSecret | undefined;
  /** Milliseconds left before the caller's deadline (no 429 wait runs past it). */
  readonly timeLeft?: (() => number) | undefined;
  /** Tests: how retries wait, and the transport. */
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
  readonly fetch?: typeof fetch | undefined;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** One client per host, built on first use; its token is read on its first request. */
export function tfeClients(options: TfeClientsOptions): (host: string) => TfeClient {
  const clients = new Map<string, TfeClient>();
  return (host) => {
    let client = clients.get(host);
    if (!client) {
      const config = options.hosts[host];
      client = createTfeClient({
        host,
        address: config?.address,
        token: () => tfeToken(host, options),
        clock: options.clock,
        logger: options.logger,
        ...(options.timeLeft ? { timeLeft: options.timeLeft } : {}),
        ...(options.sleep ? { sleep: options.sleep } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      clients.set(host, client);
    }
    return client;
  };
}

/**
 * The variable Terraform's CLI reads a host's token from: `TF_TOKEN_` and the host name with dots
 * as underscores and hyphens as double underscores (`TF_TOKEN_app_terraform_io`); a port is left out.
 */
export function terraformTokenVariable(host: string): string {
  const name = host.replace(/:\d+$/, '');
  return `TF_TOKEN_${name.replace(/-/g, '__').replace(/\./g, '_')}`;
}

/** The token Terraform's CLI would use for the host: matched as it matches, case-insensitively. */
export function terraformCliToken(
  host: string,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const wanted = host.replace(/:\d+$/, '').toLowerCase();
  for (const [key, value] of Object.entries(env)) {
    if (!key.startsWith('TF_TOKEN_') || !value) continue;
    const decoded = key.slice('TF_TOKEN_'.length).replace(/__/g, '-').replace(/_/g, '.');
    if (decoded.toLowerCase() === wanted) return value.trim();
  }
  return undefined;
}

/**
 * A host's token: its secret (when a secret reader is wired), else `tokenEnv`, else
 * `TF_TOKEN_<host>`. A missing or empty one is an error naming where it was looked for.
 */
export async function tfeToken(host: string, options: TfeClientsOptions): Promise<string> {
  const config = options.hosts[host];
  const arn = config?.tokenSecretArn;
  if (arn && options.readSecret) {
    let value: string;
    try {
      value = (await options.readSecret(arn)).trim();
    } catch (error) {
      throw new StateSourceError(
        `Cannot read the token of HCP Terraform host ${host} from its secret ${arn}`,
        { cause: error },
      );
    }
    if (value === '') {
      throw new StateSourceError(`The token secret ${arn} of HCP Terraform host ${host} is empty`);
    }
    return value;
  }
  const fromEnv = config?.tokenEnv
    ? options.env[config.tokenEnv]?.trim()
    : terraformCliToken(host, options.env);
  if (fromEnv) return fromEnv;
  const variable = config?.tokenEnv ?? terraformTokenVariable(host);
  const secretNote = arn
    ? ` (its tokenSecretArn is read only where Secrets Manager is wired: the deployed drift function)`
    : '';
  throw new StateSourceError(
    `No token for HCP Terraform host ${host}: set ${variable}, or terraform.hosts["${host}"].tokenEnv or tokenSecretArn in the config${secretNote}`,
  );
}
