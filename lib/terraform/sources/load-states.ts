import type { S3Client } from '@aws-sdk/client-s3';
import pLimit from 'p-limit';
import { StateSourceError, TerraformError } from '../errors.js';
import { type ParsedState, parseState } from '../parse-state.js';
import type { StateScopeHint } from '../state-instance.js';
import { fileStateSource } from './file-source.js';
import { isS3Location, type StateSource } from './state-source.js';
import type { TfeClient } from './tfe-client.js';
import { isTfeLocation } from './tfe-location.js';

/** What loading states needs from outside. */
export interface LoadStatesDeps {
  /** The client for a state bucket (e.g. `(bucket) => aws.s3(stateAccount, region)`), or one client. */
  readonly s3?: S3Client | ((bucket: string) => S3Client);
  /** The HCP Terraform / Terraform Enterprise client for a host (its address and token). */
  readonly tfe?: (host: string) => TfeClient;
  /** The config's scope for a state location, used when its instances hold no ARN. */
  readonly hint?: (state: string) => StateScopeHint | undefined;
  /** Overrides how a LOC becomes a source (tests, other backends). */
  readonly sourceFor?: (location: string) => StateSource;
  /** States read at once. @default 8 */
  readonly concurrency?: number;
}

/** The states that loaded, and one error per location or state that did not. */
export interface LoadedStates {
  readonly states: ParsedState[];
  readonly errors: TerraformError[];
}

const DEFAULT_CONCURRENCY = 8;

/**
 * Expands every `--state LOC` and parses each state found. A bad or unreadable state becomes an
 * error and the others still load (DESIGN rule 5); so does a LOC that matches nothing, since
 * reading no state would make every resource look unmanaged. Instances are never deduplicated
 * across states; the same location listed twice (a directory and a glob) is read once.
 */
export async function loadStates(
  locations: readonly string[],
  deps: LoadStatesDeps = {},
): Promise<LoadedStates> {
  const errors: TerraformError[] = [];
  const found = new Map<string, StateSource>();
  for (const location of locations) {
    try {
      const source = deps.sourceFor
        ? deps.sourceFor(location)
        : await defaultSource(location, deps);
      const listed = await source.list();
      if (listed.length === 0) {
        errors.push(new StateSourceError(`No Terraform state found at ${location}`));
      }
      for (const state of listed) if (!found.has(state)) found.set(state, source);
    } catch (error) {
      errors.push(asTerraformError(error, location));
    }
  }
  const limit = pLimit(deps.concurrency ?? DEFAULT_CONCURRENCY);
  const results = await Promise.all(
    [...found].map(([state, source]) =>
      limit(async () => {
        try {
          return parseState(await source.read(state), state, deps.hint?.(state));
        } catch (error) {
          errors.push(asTerraformError(error, state));
          return undefined;
        }
      }),
    ),
  );
  const states = results.filter((state): state is ParsedState => state !== undefined);
  states.sort((a, b) => (a.state < b.state ? -1 : a.state > b.state ? 1 : 0));
  errors.sort((a, b) => (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
  return { states, errors };
}

// The S3 source (and with it the SDK's S3 client) is loaded only for an s3:// location, so that
// comparing local states starts without the AWS SDK; the HCP Terraform source likewise.
async function defaultSource(location: string, deps: LoadStatesDeps): Promise<StateSource> {
  if (isTfeLocation(location)) return tfeSource(location, deps);
  if (!isS3Location(location)) return fileStateSource(location);
  const { parseS3Location, s3StateSource } = await import('./s3-source.js');
  const { bucket } = parseS3Location(location);
  const s3 = deps.s3;
  if (s3 === undefined) {
    throw new StateSourceError(`No S3 client to read Terraform states at ${location}`);
  }
  return s3StateSource({ location, client: typeof s3 === 'function' ? s3(bucket) : s3 });
}

async function tfeSource(location: string, deps: LoadStatesDeps): Promise<StateSource> {
  const [{ parseTfeLocation }, { tfeStateSource }] = await Promise.all([
    import('./tfe-location.js'),
    import('./tfe-source.js'),
  ]);
  const { host } = parseTfeLocation(location);
  if (deps.tfe === undefined) {
    throw new StateSourceError(`No HCP Terraform client to read Terraform states at ${location}`);
  }
  return tfeStateSource({ location, client: deps.tfe(host) });
}

// Our own errors pass unchanged; anything else is wrapped so the list stays one family.
function asTerraformError(error: unknown, location: string): TerraformError {
  if (error instanceof TerraformError) return error;
  return new StateSourceError(`Cannot read Terraform state ${location}`, { cause: error });
}
