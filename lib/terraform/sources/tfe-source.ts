import { StateSourceError } from '../errors.js';
import type { StateSource } from './state-source.js';
import type { TfeClient, TfeRefusal } from './tfe-client.js';
import {
  isWorkspacePattern,
  parseTfeLocation,
  type TfeLocation,
  workspaceLocation,
  workspaceMatcher,
} from './tfe-location.js';
import {
  TfeStateVersionAnswer,
  type TfeWorkspace,
  TfeWorkspaceAnswer,
  TfeWorkspacePage,
} from './tfe-schema.js';

/** Options of the HCP Terraform state source. */
export interface TfeStateSourceOptions {
  /** `tfe://HOST/ORG/WORKSPACE`, `tfe://HOST/ORG/PATTERN` or `tfe://HOST/ORG/`. */
  readonly location: string;
  /** The client for the location's host (its token), built by the caller. */
  readonly client: TfeClient;
  /** Workspaces per listing page. @default 100 (the API's largest) */
  readonly pageSize?: number;
}

/** What a listed workspace needs to be read: its id, and whether it has a state at all. */
interface KnownWorkspace {
  readonly id: string;
  /** False when the API said it has no current state version; undefined when it did not say. */
  readonly hasState: boolean | undefined;
}

const PERMISSION = 'the token needs the workspace\'s "read state versions" permission';

/**
 * The current state of HCP Terraform / Terraform Enterprise workspaces, read-only: the workspace
 * by name (or a listing of the organization's workspaces, paged), its current state version, and
 * the state's download. Each listed state is named `tfe://HOST/ORG/WORKSPACE`.
 */
export function tfeStateSource(options: TfeStateSourceOptions): StateSource {
  const { location, client } = options;
  const parsed = parseTfeLocation(location);
  const known = new Map<string, KnownWorkspace>();

  async function list(): Promise<string[]> {
    if (!isWorkspacePattern(parsed)) {
      const name = parsed.workspace ?? '';
      const workspace = await lookup(parsed, name, location);
      const state = workspaceLocation(parsed.host, parsed.organization, name);
      known.set(state, workspace);
      return [state];
    }
    const matches = workspaceMatcher(parsed.workspace);
    const states: string[] = [];
    for (const workspace of await listWorkspaces(parsed, options.pageSize ?? 100)) {
      const { name } = workspace.attributes;
      const about = knownOf(workspace);
      // A workspace nothing was ever applied in manages nothing: not a state to read.
      if (!matches(name) || about.hasState === false) continue;
      const state = workspaceLocation(parsed.host, parsed.organization, name);
      known.set(state, about);
      states.push(state);
    }
    return states.sort();
  }

  async function read(state: string): Promise<string> {
    const target = parseTfeLocation(state);
    const name = target.workspace ?? '';
    const workspace = known.get(state) ?? (await lookup(target, name, state));
    const label = `workspace ${target.organization}/${name} (${state})`;
    if (workspace.hasState === false) {
      throw new StateSourceError(`${label} has no state yet: no run has written one`);
    }
    const version = await client.get(
      `/workspaces/${encodeURIComponent(workspace.id)}/current-state-version`,
      TfeStateVersionAnswer,
      state,
    );
    if (typeof version === 'number') {
      throw refused(version, state, {
        404: `${label} has no current state version (no state yet, or ${PERMISSION})`,
      });
    }
    const url = version.data.attributes['hosted-state-download-url'];
    if (!url) {
      throw new StateSourceError(`${label}: its current state version has no download yet`);
    }
    const text = await client.download(url, state);
    if (typeof text === 'number') {
      throw refused(text, state, { 404: `The state download of ${label} was not found (404)` });
    }
    return text;
  }

  async function lookup(target: TfeLocation, name: string, at: string): Promise<KnownWorkspace> {
    const answer = await client.get(
      `/organizations/${encodeURIComponent(target.organization)}/workspaces/${encodeURIComponent(name)}`,
      TfeWorkspaceAnswer,
      at,
    );
    if (typeof answer === 'number') {
      throw refused(answer, at, {
        404: `No workspace ${target.organization}/${name} on ${target.host} for ${at} (404: no such organization or workspace, or the token cannot see it)`,
      });
    }
    return knownOf(answer.data);
  }

  async function listWorkspaces(target: TfeLocation, pageSize: number): Promise<TfeWorkspace[]> {
    const workspaces: TfeWorkspace[] = [];
    const seen = new Set<number>();
    for (let page: number | null | undefined = 1; page; ) {
      // A server that keeps naming a page already read would loop forever.
      if (seen.has(page)) {
        throw new StateSourceError(`HCP Terraform repeated page ${page} listing ${location}`);
      }
      seen.add(page);
      const answer: TfeWorkspacePage | TfeRefusal = await client.get(
        `/organizations/${encodeURIComponent(target.organization)}/workspaces?page%5Bnumber%5D=${page}&page%5Bsize%5D=${pageSize}`,
        TfeWorkspacePage,
        location,
      );
      if (typeof answer === 'number') {
        throw refused(answer, location, {
          404: `No organization ${target.organization} on ${target.host} for ${location} (404: no such organization, or the token cannot see it)`,
        });
      }
      workspaces.push(...answer.data);
      page = answer.meta?.pagination?.['next-page'];
    }
    return workspaces;
  }

  return { list, read };
}

function knownOf(workspace: TfeWorkspace): KnownWorkspace {
  const relation = workspace.relationships?.['current-state-version'];
  return {
    id: workspace.id,
    hasState: relation === undefined ? undefined : relation.data !== null,
  };
}

/** The error for a refused request, naming the location and never the token. */
function refused(
  status: TfeRefusal,
  location: string,
  messages: { readonly 404: string },
): StateSourceError {
  if (status === 401) {
    return new StateSourceError(
      `HCP Terraform refused the token for ${location} (401: invalid or expired token)`,
    );
  }
  if (status === 403) {
    return new StateSourceError(`The token may not read ${location} (403: ${PERMISSION})`);
  }
  return new StateSourceError(messages[404]);
}
