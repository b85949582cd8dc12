/** What a discovery answer at `/api` or `/apis` is written as. */
export type DiscoveryFormat = { kind: 'aggregated'; version: 'v2' | 'v2beta1' } | { kind: 'plain' };

interface MediaRange {
  type: string;
  params: Map<string, string>;
}

/**
 * Picks the discovery format from the Accept header in the client's order of preference, as the
 * API server does: an `as=APIGroupDiscoveryList` range wins only while the world serves it; plain
 * JSON answers `application/json`, `*\/*` or no header; undefined means 406.
 */
export function discoveryFormat(
  accept: string | undefined,
  aggregated: boolean,
): DiscoveryFormat | undefined {
  const ranges = parseAccept(accept);
  if (ranges.length === 0) return { kind: 'plain' };
  for (const range of ranges) {
    const g = range.params.get('g');
    const v = range.params.get('v');
    if (g === 'apidiscovery.k8s.io' && range.params.get('as') === 'APIGroupDiscoveryList') {
      if (aggregated && range.type === 'application/json' && (v === 'v2' || v === 'v2beta1'))
        return { kind: 'aggregated', version: v };
      continue;
    }
    if (range.params.has('as')) continue;
    if (range.type === 'application/json' || range.type === '*/*' || range.type === 'application/*')
      return { kind: 'plain' };
  }
  return undefined;
}

/** The Content-Type of an aggregated discovery answer; clients compare it exactly. */
export function aggregatedContentType(version: 'v2' | 'v2beta1'): string {
  return `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`;
}

/** Whether a plain JSON answer satisfies the Accept header of a get or list call. */
export function acceptsJson(accept: string | undefined): boolean {
  const ranges = parseAccept(accept);
  return (
    ranges.length === 0 ||
    ranges.some(
      (r) =>
        !r.params.has('as') &&
        (r.type === 'application/json' || r.type === '*/*' || r.type === 'application/*'),
    )
  );
}

function parseAccept(accept: string | undefined): MediaRange[] {
  if (!accept?.trim()) return [];
  return accept.split(',').flatMap((part) => {
    const [type = '', ...rest] = part.split(';').map((s) => s.trim());
    const params = new Map<string, string>();
    for (const p of rest) {
      const eq = p.indexOf('=');
      if (eq > 0) params.set(p.slice(0, eq).trim(), p.slice(eq + 1).trim());
    }
    return params.get('q') === '0' ? [] : [{ type: type.toLowerCase(), params }];
  });
}
