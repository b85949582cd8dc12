import type { ApiResourceType } from './types.js';

/** A `meta/v1 Status` failure, as the API server writes it for every error. */
export interface KubeStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, string>;
  status: 'Failure';
  message: string;
  reason: string;
  details?: { name?: string; group?: string; kind?: string };
  code: number;
}

/** An error answer: the HTTP status and its Status body. */
export class KubeStatusError extends Error {
  readonly body: KubeStatus;

  constructor(code: number, reason: string, message: string, details?: KubeStatus['details']) {
    super(message);
    this.name = 'KubeStatusError';
    this.body = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      ...(details ? { details } : {}),
      code,
    };
  }
}

/** The message the API server gives when a continue token's revision was compacted. */
export const EXPIRED_CONTINUE_MESSAGE =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.';

/** 401 for a missing or unknown bearer token. */
export function unauthorized(): KubeStatusError {
  return new KubeStatusError(401, 'Unauthorized', 'Unauthorized');
}

/** 403 as the RBAC authorizer words it, naming the user, verb, resource, group and scope. */
export function forbidden(
  user: string,
  verb: string,
  type: ApiResourceType,
  namespace: string | undefined,
  name?: string,
): KubeStatusError {
  const qualified = type.group === '' ? type.resource : `${type.resource}.${type.group}`;
  const subject = name === undefined ? qualified : `${qualified} "${name}"`;
  const scope =
    namespace === undefined ? 'at the cluster scope' : `in the namespace "${namespace}"`;
  return new KubeStatusError(
    403,
    'Forbidden',
    `${subject} is forbidden: User "${user}" cannot ${verb} resource "${type.resource}" in API group "${type.group}" ${scope}`,
    details(type, name),
  );
}

/** 404 for a missing object of a served type. */
export function notFound(type: ApiResourceType, name: string): KubeStatusError {
  const qualified = type.group === '' ? type.resource : `${type.resource}.${type.group}`;
  return new KubeStatusError(
    404,
    'NotFound',
    `${qualified} "${name}" not found`,
    details(type, name),
  );
}

/** 404 for a path no served type answers. */
export function unknownPath(): KubeStatusError {
  return new KubeStatusError(
    404,
    'NotFound',
    'the server could not find the requested resource',
    {},
  );
}

/** 405 for a verb the type does not serve (`list` on `tokenreviews`). */
export function methodNotAllowed(): KubeStatusError {
  return new KubeStatusError(
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
    {},
  );
}

/** 410 for a continue token that is too old. */
export function expired(): KubeStatusError {
  return new KubeStatusError(410, 'Expired', EXPIRED_CONTINUE_MESSAGE);
}

/** 400 for a continue token that does not decode. */
export function badContinue(why: string): KubeStatusError {
  return new KubeStatusError(400, 'BadRequest', `continue key is not valid: ${why}`);
}

/** 503 for an aggregated API whose backend is down (metrics-server, typically). */
export function serviceUnavailable(): KubeStatusError {
  return new KubeStatusError(
    503,
    'ServiceUnavailable',
    'the server is currently unable to handle the request',
  );
}

/** 406 when the Accept header names nothing the sim can write. */
export function notAcceptable(): KubeStatusError {
  return new KubeStatusError(
    406,
    'NotAcceptable',
    'only the following media types are accepted: application/json, application/yaml',
  );
}

function details(
  type: ApiResourceType,
  name: string | undefined,
): NonNullable<KubeStatus['details']> {
  return {
    ...(name === undefined ? {} : { name }),
    ...(type.group === '' ? {} : { group: type.group }),
    kind: type.resource,
  };
}
