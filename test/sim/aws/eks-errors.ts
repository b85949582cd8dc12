import { SimApiError } from './errors.js';

/**
 * EKS's errors (restJson1): the code goes in the `x-amzn-errortype` header, the message in a JSON
 * body, with the HTTP status of the error's model.
 */

/** The JSON body of an EKS error. */
export function eksErrorBody(error: SimApiError): string {
  return JSON.stringify({ message: error.message });
}

/** 404: the cluster, or an object inside it, does not exist. */
export function eksNotFound(message: string): SimApiError {
  return new SimApiError('ResourceNotFoundException', 404, message);
}

/** 404 for a missing cluster, with EKS's message. */
export function noCluster(name: string): SimApiError {
  return eksNotFound(`No cluster found for name: ${name}.`);
}

/** 403: the caller's policies do not allow the action. */
export function eksAccessDenied(
  principalArn: string,
  action: string,
  resource: string,
): SimApiError {
  return new SimApiError(
    'AccessDeniedException',
    403,
    `User: ${principalArn} is not authorized to perform: eks:${action} on resource: ${resource}`,
  );
}

/** 429: over the (unpublished) request rate. */
export function eksThrottling(): SimApiError {
  return new SimApiError('ThrottlingException', 429, 'Rate exceeded');
}

/** 5xx: ServerException (500) or ServiceUnavailableException (503 and the rest). */
export function eksServerError(status: number): SimApiError {
  return status === 500
    ? new SimApiError('ServerException', 500, 'An internal error occurred. Try again later.')
    : new SimApiError('ServiceUnavailableException', status, 'The service is unavailable.');
}

/** 400: a parameter EKS rejects (maxResults outside 1-100, a token it did not issue...). */
export function eksInvalidParameter(message: string): SimApiError {
  return new SimApiError('InvalidParameterException', 400, message);
}

/** 400: the cluster's authentication mode does not allow access entries (it is `CONFIG_MAP`). */
export function eksConfigMapOnly(): SimApiError {
  return new SimApiError(
    'InvalidRequestException',
    400,
    "The cluster's authentication mode must be set to one of [API, API_AND_CONFIG_MAP] to perform this operation.",
  );
}

/** 403: an access key EKS does not know. */
export function unrecognizedClient(): SimApiError {
  return new SimApiError(
    'UnrecognizedClientException',
    403,
    'The security token included in the request is invalid.',
  );
}

/** 403: no usable SigV4 Authorization header. */
export function missingAuthenticationToken(): SimApiError {
  return new SimApiError(
    'MissingAuthenticationTokenException',
    403,
    'Missing Authentication Token',
  );
}

/** 404: no operation at this method and path. */
export function unknownOperation(method: string, path: string): SimApiError {
  return new SimApiError('UnknownOperationException', 404, `No operation at ${method} ${path}`);
}
