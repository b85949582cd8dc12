import {
  apiGroup,
  apiGroupDiscoveryList,
  apiGroupList,
  apiResourceList,
  apiVersions,
} from './discovery.js';
import type { KubeFaultBook } from './faults.js';
import { acceptsJson, aggregatedContentType, discoveryFormat } from './negotiate.js';
import { decodeContinue, pageOf } from './paging.js';
import type { KubeRoute } from './routes.js';
import {
  expired,
  forbidden,
  methodNotAllowed,
  notAcceptable,
  notFound,
  serviceUnavailable,
  unknownPath,
} from './status.js';
import { type ApiResourceType, groupVersion, type KubeObject } from './types.js';
import { findType, getObject, type KubeWorld, sortedObjects } from './world.js';

/** One answer before it is written: status, JSON body and content type. */
export interface KubeReply {
  status: number;
  body: unknown;
  contentType: string;
}

/** A GET as the handlers see it, once authenticated. */
export interface KubeRequest {
  route: KubeRoute;
  user: string;
  query: URLSearchParams;
  accept: string | undefined;
}

const JSON_TYPE = 'application/json';

/** Answers an authenticated GET; errors are thrown as KubeStatusError. */
export function answerGet(
  world: KubeWorld,
  faults: KubeFaultBook,
  request: KubeRequest,
): KubeReply {
  const { route } = request;
  switch (route.kind) {
    case 'version':
      return ok({ major: '1', minor: '32', gitVersion: 'v1.32.4', platform: 'linux/amd64' });
    case 'health':
      return { status: 200, body: 'ok', contentType: 'text/plain; charset=utf-8' };
    case 'root':
      return discoveryRoot(world, faults, route.root, request.accept);
    case 'group': {
      const body = apiGroup(world, route.group);
      if (!body) throw unknownPath();
      return ok(body);
    }
    case 'resources': {
      if (faults.isUnavailable(route.group)) throw serviceUnavailable();
      const body = apiResourceList(world, route.group, route.version);
      if (!body) throw unknownPath();
      return ok(body);
    }
    case 'collection':
      return list(world, faults, request, route);
    case 'object':
      return getOne(world, faults, request, route);
  }
}

function discoveryRoot(
  world: KubeWorld,
  faults: KubeFaultBook,
  root: 'api' | 'apis',
  accept: string | undefined,
): KubeReply {
  const format = discoveryFormat(accept, world.aggregatedDiscovery);
  if (!format) throw notAcceptable();
  if (format.kind === 'aggregated')
    return {
      status: 200,
      body: apiGroupDiscoveryList(world, root, format.version, faults),
      contentType: aggregatedContentType(format.version),
    };
  return ok(root === 'api' ? apiVersions() : apiGroupList(world));
}

function servedType(
  world: KubeWorld,
  faults: KubeFaultBook,
  request: KubeRequest,
  route: { group: string; version: string; resource: string },
  verb: 'get' | 'list',
  namespace: string | undefined,
  name?: string,
): ApiResourceType {
  const type = findType(world, route);
  if (!type) throw unknownPath();
  if (faults.isUnavailable(type.group)) throw serviceUnavailable();
  if (!type.verbs.includes(verb)) throw methodNotAllowed();
  if (namespace !== undefined && !type.namespaced) throw unknownPath();
  if (faults.isForbidden(type.group, type.resource, verb))
    throw forbidden(request.user, verb, type, namespace, name);
  if (!acceptsJson(request.accept)) throw notAcceptable();
  return type;
}

function list(
  world: KubeWorld,
  faults: KubeFaultBook,
  request: KubeRequest,
  route: Extract<KubeRoute, { kind: 'collection' }>,
): KubeReply {
  const type = servedType(world, faults, request, route, 'list', route.namespace);
  const continueText = request.query.get('continue');
  const token = continueText ? decodeContinue(continueText) : undefined;
  if (token && faults.takeExpiry(type.group, type.resource)) throw expired();
  const limit = Number.parseInt(request.query.get('limit') ?? '0', 10);
  let { keys, objects } = sortedObjects(world, type);
  if (route.namespace !== undefined) {
    const prefix = `${route.namespace}/`;
    const at = keys.findIndex((k) => k.startsWith(prefix));
    let end = at;
    while (end >= 0 && end < keys.length && (keys[end] as string).startsWith(prefix)) end++;
    keys = at < 0 ? [] : keys.slice(at, end);
    objects = at < 0 ? [] : objects.slice(at, end);
  }
  const page = pageOf(keys, objects, {
    ...(Number.isFinite(limit) && limit > 0 ? { limit } : {}),
    ...(token ? { token } : {}),
    currentRv: world.resourceVersion,
  });
  const custom = isCustom(world, type);
  return ok({
    kind: `${type.kind}List`,
    apiVersion: groupVersion(type.group, type.version),
    metadata: {
      resourceVersion: String(page.resourceVersion),
      ...(page.continue ? { continue: page.continue } : {}),
      ...(page.remainingItemCount === undefined
        ? {}
        : { remainingItemCount: page.remainingItemCount }),
    },
    items: custom ? page.items.map((o) => withTypeMeta(type, o)) : page.items,
  });
}

function getOne(
  world: KubeWorld,
  faults: KubeFaultBook,
  request: KubeRequest,
  route: Extract<KubeRoute, { kind: 'object' }>,
): KubeReply {
  const type = servedType(world, faults, request, route, 'get', route.namespace, route.name);
  if (type.namespaced !== (route.namespace !== undefined)) throw unknownPath();
  if (route.subresource !== undefined && route.subresource !== 'status') throw unknownPath();
  const object = getObject(world, type, route.namespace, route.name);
  if (!object) throw notFound(type, route.name);
  return ok(withTypeMeta(type, object));
}

// Custom resources are stored unstructured, so their list items keep apiVersion and kind.
function isCustom(world: KubeWorld, type: ApiResourceType): boolean {
  return (
    getObject(
      world,
      { group: 'apiextensions.k8s.io', version: 'v1', resource: 'customresourcedefinitions' },
      undefined,
      `${type.resource}.${type.group}`,
    ) !== undefined
  );
}

function withTypeMeta(type: ApiResourceType, object: KubeObject): KubeObject {
  return { kind: type.kind, apiVersion: groupVersion(type.group, type.version), ...object };
}

function ok(body: unknown): KubeReply {
  return { status: 200, body, contentType: JSON_TYPE };
}
