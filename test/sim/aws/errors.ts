import { escapeXml } from './xml-writer.js';

/** The services the sim speaks. */
export type SimService = 'ec2' | 'sts' | 's3' | 'eks' | 'organizations' | 'dynamodb' | 'cloudtrail';

/**
 * An error the simulated API answers with: the real code, HTTP status and message. Handlers throw
 * it; the server writes it in the service's error envelope.
 */
export class SimApiError extends Error {
  override readonly name = 'SimApiError';
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    /** awsQuery error `Type`: Sender for the caller's fault, Receiver for the service's. */
    readonly type: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender',
  ) {
    super(message);
  }
}

/** EC2's error document (no namespace, `Errors/Error`, `RequestID` in capitals). */
export function ec2ErrorBody(error: SimApiError, requestId: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Response><Errors><Error><Code>${escapeXml(error.code)}</Code>` +
    `<Message>${escapeXml(error.message)}</Message></Error></Errors>` +
    `<RequestID>${requestId}</RequestID></Response>`
  );
}

/** awsQuery's error document, as STS answers it. */
export function stsErrorBody(error: SimApiError, requestId: string): string {
  return (
    '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n' +
    `  <Error>\n    <Type>${error.type}</Type>\n    <Code>${escapeXml(error.code)}</Code>\n` +
    `    <Message>${escapeXml(error.message)}</Message>\n  </Error>\n` +
    `  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`
  );
}

/** EC2's answer to a request over its per-API token bucket. */
export function requestLimitExceeded(): SimApiError {
  return new SimApiError('RequestLimitExceeded', 503, 'Request limit exceeded.');
}

/** STS's answer when throttled. */
export function stsThrottling(): SimApiError {
  return new SimApiError('Throttling', 400, 'Rate exceeded');
}

/** EC2's answer to a caller whose policies do not allow the action. */
export function unauthorizedOperation(principalArn: string, action: string): SimApiError {
  return new SimApiError(
    'UnauthorizedOperation',
    403,
    `You are not authorized to perform this operation. User: ${principalArn} is not authorized ` +
      `to perform: ec2:${action} because no identity-based policy allows the ec2:${action} action`,
  );
}

/** STS's answer to a caller who may not call an action (or assume a role). */
export function stsAccessDenied(
  principalArn: string,
  action: string,
  resource?: string,
): SimApiError {
  const on = resource ? ` on resource: ${resource}` : '';
  return new SimApiError(
    'AccessDenied',
    403,
    `User: ${principalArn} is not authorized to perform: sts:${action}${on}`,
  );
}

/** The answer to an unknown access key: EC2's AuthFailure, STS's InvalidClientTokenId. */
export function unknownAccessKey(service: SimService): SimApiError {
  return service === 'ec2'
    ? new SimApiError(
        'AuthFailure',
        401,
        'AWS was not able to validate the provided access credentials',
      )
    : new SimApiError(
        'InvalidClientTokenId',
        403,
        'The security token included in the request is invalid.',
      );
}

/** The answer to a request without a usable SigV4 Authorization header. */
export function missingAuthentication(service: SimService, detail: string): SimApiError {
  return service === 'ec2'
    ? new SimApiError('AuthFailure', 401, detail)
    : new SimApiError('MissingAuthenticationToken', 403, detail);
}

/** A server-side failure: EC2's InternalError, STS's InternalFailure. */
export function internalError(service: SimService, status: number): SimApiError {
  return service === 'ec2'
    ? new SimApiError('InternalError', status, 'An internal error has occurred')
    : new SimApiError('InternalFailure', status, 'An internal error has occurred');
}

/** The answer to an action the service does not have. */
export function invalidAction(service: SimService, action: string): SimApiError {
  return service === 'ec2'
    ? new SimApiError(
        'InvalidAction',
        400,
        `The action ${action} is not valid for this web service.`,
      )
    : new SimApiError(
        'InvalidAction',
        400,
        `Could not find operation ${action} for version 2011-06-15`,
      );
}

/** EC2's answer to a parameter value it rejects. */
export function invalidParameterValue(message: string): SimApiError {
  return new SimApiError('InvalidParameterValue', 400, message);
}

/** EC2's answer to a parameter it does not know. */
export function unknownParameter(name: string): SimApiError {
  return new SimApiError('UnknownParameter', 400, `The parameter ${name} is not recognized`);
}

/** EC2's answer to ids that do not exist, e.g. `InvalidInstanceID.NotFound`. */
export function notFound(code: string, noun: string, ids: readonly string[]): SimApiError {
  const message =
    ids.length === 1
      ? `The ${noun} '${ids[0]}' does not exist`
      : `The ${noun}s '${ids.join(', ')}' do not exist`;
  return new SimApiError(code, 400, message);
}
