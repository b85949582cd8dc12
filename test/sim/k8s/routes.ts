/** What a request path asks for. */
export type KubeRoute =
  | { kind: 'root'; root: 'api' | 'apis' }
  | { kind: 'group'; group: string }
  | { kind: 'resources'; group: string; version: string }
  | {
      kind: 'collection';
      group: string;
      version: string;
      resource: string;
      namespace?: string;
    }
  | {
      kind: 'object';
      group: string;
      version: string;
      resource: string;
      namespace?: string;
      name: string;
      subresource?: string;
    }
  | { kind: 'version' }
  | { kind: 'health' };

/** Parses an API path (`/apis/apps/v1/namespaces/shop/deployments/web`); undefined if none. */
export function matchRoute(pathname: string): KubeRoute | undefined {
  const segments = pathname.split('/').filter((s) => s !== '');
  let parts: string[];
  try {
    parts = segments.map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
  const [head, ...tail] = parts;
  if (head === 'version' && tail.length === 0) return { kind: 'version' };
  if ((head === 'healthz' || head === 'livez' || head === 'readyz') && tail.length === 0)
    return { kind: 'health' };
  if (head === 'api') {
    if (tail.length === 0) return { kind: 'root', root: 'api' };
    const [version, ...rest] = tail as [string, ...string[]];
    return inVersion('', version, rest);
  }
  if (head === 'apis') {
    if (tail.length === 0) return { kind: 'root', root: 'apis' };
    const [group, version, ...rest] = tail as [string, ...string[]];
    if (version === undefined) return { kind: 'group', group };
    return inVersion(group, version, rest);
  }
  return undefined;
}

function inVersion(group: string, version: string, rest: string[]): KubeRoute | undefined {
  const gv = { group, version };
  if (rest.length === 0) return { kind: 'resources', ...gv };
  const [first, second, third, fourth, fifth, ...more] = rest as Array<string | undefined>;
  if (more.length > 0 || first === undefined) return undefined;
  if (first === 'namespaces' && second !== undefined) {
    // /namespaces/<name>[/status|/finalize] addresses the Namespace object itself.
    if (third === undefined || ((third === 'status' || third === 'finalize') && !fourth))
      return {
        kind: 'object',
        ...gv,
        resource: 'namespaces',
        name: second,
        ...(third ? { subresource: third } : {}),
      };
    if (fourth === undefined)
      return { kind: 'collection', ...gv, resource: third, namespace: second };
    return {
      kind: 'object',
      ...gv,
      resource: third,
      namespace: second,
      name: fourth,
      ...(fifth ? { subresource: fifth } : {}),
    };
  }
  if (fourth !== undefined) return undefined;
  if (second === undefined) return { kind: 'collection', ...gv, resource: first };
  return {
    kind: 'object',
    ...gv,
    resource: first,
    name: second,
    ...(third ? { subresource: third } : {}),
  };
}
