import type { PathClass } from '../drift/classify.js';
import type { ScopeStatus } from '../model/index.js';
import { forLine } from '../snapshot/sanitize.js';
import type { TrailDiff } from './diff-trail.js';

/** Paths listed one per line before the list is cut short (a first scan may add 100k files). */
export const MAX_LISTED_PATHS = 1000;

/** Everything the commit message reports. */
export interface CommitMessageInput {
  readonly scanId: string;
  readonly diff: TrailDiff;
  readonly scopes: readonly ScopeStatus[];
  /** Each path's class, when the scan compared with Terraform state. */
  readonly classes?: ReadonlyMap<string, PathClass> | undefined;
  /** Further trailers (`Changed-By: ...`), already one line each. */
  readonly trailers?: readonly string[] | undefined;
}

/**
 * `scan: 2 added, 1 changed, 1 removed`, then a line per scope that changed or is incomplete,
 * then the paths (A/M/D), then a `Statetrail-Scan:` trailer.
 */
export function renderCommitMessage({
  scanId,
  diff,
  scopes,
  classes,
  trailers = [],
}: CommitMessageInput): string {
  // The subject counts resources; statetrail's own bookkeeping files are listed but not counted.
  const isResource = (path: string) => !path.startsWith('.statetrail/');
  const [a = 0, m = 0, d = 0] = [diff.added, diff.changed, diff.removed].map(
    (paths) => paths.filter(isResource).length,
  );
  const lines = [
    a + m + d === 0
      ? 'scan: no resource changed; statetrail records updated'
      : `scan: ${counts(a, m, d)}${classes ? ` (${classCounts(classes)})` : ''}`,
    '',
  ];
  const scopeNames = new Set(scopes.map((s) => s.scope));
  const byScope = new Map<string, { added: number; changed: number; removed: number }>();
  const bump = (path: string, key: 'added' | 'changed' | 'removed') => {
    const scope = scopeOfPath(path, scopeNames);
    const entry = byScope.get(scope) ?? { added: 0, changed: 0, removed: 0 };
    entry[key] += 1;
    byScope.set(scope, entry);
  };
  for (const path of diff.added.filter(isResource)) bump(path, 'added');
  for (const path of diff.changed.filter(isResource)) bump(path, 'changed');
  for (const path of diff.removed.filter(isResource)) bump(path, 'removed');
  const incomplete = new Set(scopes.filter((s) => !s.complete).map((s) => s.scope));
  for (const scope of [...new Set([...byScope.keys(), ...incomplete])].sort()) {
    const entry = byScope.get(scope) ?? { added: 0, changed: 0, removed: 0 };
    const suffix = incomplete.has(scope) ? ' (incomplete: previous files kept)' : '';
    lines.push(`${scope}: ${counts(entry.added, entry.changed, entry.removed)}${suffix}`);
  }
  if (lines.length > 2) lines.push('');
  const listed = diff.changes.slice(0, MAX_LISTED_PATHS);
  const added = new Set(diff.added);
  for (const change of listed) {
    const letter = change.content === null ? 'D' : added.has(change.path) ? 'A' : 'M';
    const kind = classes?.get(change.path);
    lines.push(`${letter} ${forLine(change.path)}${kind ? ` [${describeClass(kind)}]` : ''}`);
  }
  if (diff.changes.length > listed.length) {
    lines.push(`... and ${diff.changes.length - listed.length} more paths`);
  }
  lines.push('', `Statetrail-Scan: ${scanId}`);
  for (const trailer of serialTrailers(classes)) lines.push(trailer);
  for (const trailer of trailers) lines.push(trailer);
  return `${lines.join('\n')}\n`;
}

function classCounts(classes: ReadonlyMap<string, PathClass>): string {
  const counts = { drift: 0, explained: 0, unverified: 0 };
  for (const { class: kind } of classes.values()) counts[kind] += 1;
  return `${counts.drift} drift, ${counts.explained} explained, ${counts.unverified} unverified`;
}

function describeClass(kind: PathClass): string {
  if (kind.class !== 'explained') return kind.class;
  if (kind.serial === undefined) return `explained: ${forLine(kind.address ?? 'a known tool')}`;
  return `explained: ${forLine(kind.address ?? 'Terraform')}, serial ${kind.serial}`;
}

/** `State-Serial: <state> <serial>` for each state that explains a path, sorted. */
function serialTrailers(classes: ReadonlyMap<string, PathClass> | undefined): string[] {
  const serials = new Map<string, number>();
  for (const kind of classes?.values() ?? []) {
    if (kind.class === 'explained' && kind.state !== undefined && kind.serial !== undefined) {
      serials.set(kind.state, kind.serial);
    }
  }
  return [...serials]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([state, serial]) => `State-Serial: ${forLine(state)} ${serial}`);
}

function counts(added: number, changed: number, removed: number): string {
  return `${added} added, ${changed} changed, ${removed} removed`;
}

function scopeOfPath(path: string, scopes: ReadonlySet<string>): string {
  // A resource file sits directly in its scope's directory; walk up for deeper layouts (k8s).
  let directory = path.slice(0, Math.max(0, path.lastIndexOf('/')));
  while (directory && !scopes.has(directory)) {
    directory = directory.slice(0, Math.max(0, directory.lastIndexOf('/')));
  }
  return directory || path.slice(0, Math.max(0, path.lastIndexOf('/'))) || '.';
}

/** The message of a `format:` commit: files rewritten because statetrail's output format changed. */
export function renderFormatMessage(input: {
  readonly scanId: string;
  readonly from: number;
  readonly to: number;
  /** Files rewritten in place. */
  readonly paths: readonly string[];
  /** Files that only moved to a new name: the new paths, and the old ones they replace. */
  readonly moved?: { readonly added: readonly string[]; readonly removed: readonly string[] };
}): string {
  const moved = input.moved ?? { added: [], removed: [] };
  const all = [
    ...input.paths.map((path) => `M ${forLine(path)}`),
    ...moved.added.map((path) => `A ${forLine(path)}`),
    ...moved.removed.map((path) => `D ${forLine(path)}`),
  ];
  const listed = all.slice(0, MAX_LISTED_PATHS);
  if (all.length > listed.length) listed.push(`... and ${all.length - listed.length} more paths`);
  const count = input.paths.length + moved.added.length;
  return [
    `format: ${count} files rewritten (format ${input.from} -> ${input.to})`,
    '',
    'statetrail writes these files differently since this version. The first scan after an',
    'upgrade cannot tell a new format from an observed change, so the files it rewrote are',
    'recorded here, apart from the scan.',
    '',
    ...listed,
    '',
    `Statetrail-Scan: ${input.scanId}`,
    '',
  ].join('\n');
}
