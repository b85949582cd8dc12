/** Which resource a fault hits; an unset group matches the resource in every group. */
export interface ResourceMatch {
  /** The plural resource name (`secrets`, `deployments`). */
  resource: string;
  group?: string;
}

/** Ways an answer can be broken, as proxies, overloaded servers and buggy aggregators break them. */
export const BROKEN_ANSWERS = [
  'html',
  'empty',
  'status',
  'items-null',
  'items-not-list',
  'items-missing',
  'truncated',
  'reset',
  'hang',
  'repeat-continue',
  'server-error',
  'throttle',
  'denied',
] as const;
/** One way an answer is broken (see {@link BROKEN_ANSWERS}). */
export type BrokenAnswer = (typeof BROKEN_ANSWERS)[number];

/** Fault injection for one Kubernetes sim, set per test. */
export interface KubeFaults {
  /** The next `count` list calls with a continue token for the resource answer 410 Expired. */
  expireContinue(options: ResourceMatch & { count: number }): void;
  /** Every get and list of the resource answers 403 Forbidden, until cleared. */
  forbid(options: ResourceMatch & { verb?: 'get' | 'list' }): void;
  /** The group's discovery and lists answer 503; aggregated discovery marks it Stale. */
  unavailable(options: { group: string }): void;
  /**
   * Every call of this exact path (`/api`, `/apis`, `/apis/apps/v1`, `/api/v1/configmaps`) gets a
   * broken answer, until cleared: HTML or an empty body with 200, a Status with 200, the document's
   * list (`items`, `groups`, `versions`, `resources`) null, no list or missing, a body cut in half,
   * a reset connection, no answer at all, the same continue token on every page, 500, 429, 403.
   * With `times`, only the next `times` calls (a server that recovers).
   */
  breakAnswer(options: { path: string; fault: BrokenAnswer; times?: number }): void;
  /** Removes every fault. */
  clear(): void;
}

/** The faults plus the server's side: what one call runs into. */
export interface KubeFaultBook extends KubeFaults {
  /** Whether a continue call expires now; consumes one count when it does. */
  takeExpiry(group: string, resource: string): boolean;
  isForbidden(group: string, resource: string, verb: string): boolean;
  isUnavailable(group: string): boolean;
  /** The broken answer a path gets now, if any. */
  brokenAnswer(path: string): BrokenAnswer | undefined;
}

interface Expiry extends ResourceMatch {
  remaining: number;
}

/** An empty fault book. */
export function createKubeFaultBook(): KubeFaultBook {
  let expiries: Expiry[] = [];
  let forbidden: Array<ResourceMatch & { verb?: string }> = [];
  let unavailable = new Set<string>();
  let broken = new Map<string, { fault: BrokenAnswer; remaining: number }>();
  const hits = (m: ResourceMatch, group: string, resource: string) =>
    m.resource === resource && (m.group === undefined || m.group === group);
  return {
    expireContinue: ({ count, ...match }) => {
      if (!(count > 0)) throw new RangeError(`Fault count must be positive, got ${count}`);
      expiries.push({ ...match, remaining: count });
    },
    forbid: (match) => {
      forbidden.push(match);
    },
    unavailable: ({ group }) => {
      unavailable.add(group);
    },
    breakAnswer: ({ path, fault, times }) => {
      if (times !== undefined && !(times > 0)) {
        throw new RangeError(`Fault count must be positive, got ${times}`);
      }
      broken.set(path, { fault, remaining: times ?? Number.POSITIVE_INFINITY });
    },
    clear: () => {
      broken = new Map();
      expiries = [];
      forbidden = [];
      unavailable = new Set();
    },
    takeExpiry: (group, resource) => {
      const entry = expiries.find((e) => e.remaining > 0 && hits(e, group, resource));
      if (!entry) return false;
      entry.remaining--;
      expiries = expiries.filter((e) => e.remaining > 0);
      return true;
    },
    isForbidden: (group, resource, verb) =>
      forbidden.some((f) => hits(f, group, resource) && (f.verb === undefined || f.verb === verb)),
    isUnavailable: (group) => unavailable.has(group),
    brokenAnswer: (path) => {
      const entry = broken.get(path);
      if (!entry) return undefined;
      if (--entry.remaining <= 0) broken.delete(path);
      return entry.fault;
    },
  };
}
