import { StateSourceError } from '../errors.js';

/** The scheme of HCP Terraform and Terraform Enterprise workspace locations. */
export const TFE_SCHEME = 'tfe://';

/** A parsed `tfe://HOST/ORG/WORKSPACE` location. */
export interface TfeLocation {
  /** Host name, lower-cased, with its port when one was given (`tfe.example.com:8443`). */
  readonly host: string;
  readonly organization: string;
  /**
   * One workspace's name, or a pattern: `*` and `?` wildcards, or undefined for every workspace
   * of the organization (`tfe://HOST/ORG/`).
   */
  readonly workspace: string | undefined;
}

// HCP Terraform allows letters, digits, `-` and `_` in organization and workspace names.
const NAME = /^[A-Za-z0-9_-]+$/;
const PATTERN = /^[A-Za-z0-9_*?-]+$/;
const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/;

/** True when a LOC names HCP Terraform or Terraform Enterprise (`tfe://...`). */
export function isTfeLocation(location: string): boolean {
  return location.startsWith(TFE_SCHEME);
}

/**
 * Parses `tfe://HOST/ORG/WORKSPACE` (one workspace), `tfe://HOST/ORG/PATTERN` (`prod-*`) or
 * `tfe://HOST/ORG/` (every workspace of the organization). A malformed one names itself.
 */
export function parseTfeLocation(location: string): TfeLocation {
  const fail = (why: string) =>
    new StateSourceError(
      `Not an HCP Terraform state location: ${location} (${why}; expected tfe://HOST/ORGANIZATION/WORKSPACE)`,
    );
  if (!isTfeLocation(location)) throw fail(`it does not start with ${TFE_SCHEME}`);
  const parts = location.slice(TFE_SCHEME.length).split('/');
  const [rawHost, organization, workspace, ...rest] = parts;
  const host = (rawHost ?? '').toLowerCase();
  if (!HOST.test(host)) throw fail('no valid host name');
  if (organization === undefined || !NAME.test(organization)) {
    throw fail('no valid organization name');
  }
  if (rest.length > 0) throw fail('too many path segments');
  if (workspace === undefined || workspace === '') {
    return { host, organization, workspace: undefined };
  }
  if (!PATTERN.test(workspace)) throw fail('no valid workspace name');
  return { host, organization, workspace };
}

/** True when the location's workspace part matches several workspaces. */
export function isWorkspacePattern(location: TfeLocation): boolean {
  return location.workspace === undefined || /[*?]/.test(location.workspace);
}

/** The canonical location of one workspace: what a listed state is called. */
export function workspaceLocation(host: string, organization: string, workspace: string): string {
  return `${TFE_SCHEME}${host}/${organization}/${workspace}`;
}

/** A matcher for workspace names (`*` any run of characters, `?` one). */
export function workspaceMatcher(pattern: string | undefined): (name: string) => boolean {
  if (pattern === undefined) return () => true;
  const regex = new RegExp(
    `^${pattern
      .replace(/[.+^$()|[\]{}\\-]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return (name) => regex.test(name);
}
