/** An error S3 answers: code, HTTP status, message, the extra elements of its body, and headers. */
export interface S3Error {
  code: string;
  status: number;
  message: string;
  /** Elements between `<Message>` and `<RequestId>` (`BucketName`, `Endpoint`...), in order. */
  details?: [string, string][];
  headers?: Record<string, string>;
}

/** The answer for a bucket that does not exist (anywhere: names are global). */
export function noSuchBucket(bucket: string): S3Error {
  return {
    code: 'NoSuchBucket',
    status: 404,
    message: 'The specified bucket does not exist',
    details: [['BucketName', bucket]],
  };
}

/** A configuration that is not set (`NoSuchBucketPolicy`...): always 404, naming the bucket. */
export function notSet(code: string, message: string, bucket: string): S3Error {
  return { code, status: 404, message, details: [['BucketName', bucket]] };
}

/** The answer to a caller whose IAM policies do not allow the action. */
export function identityDenied(principalArn: string, iamAction: string, resource: string): S3Error {
  return {
    code: 'AccessDenied',
    status: 403,
    message: `User: ${principalArn} is not authorized to perform: ${iamAction} on resource: "${resource}" because no identity-based policy allows the ${iamAction} action`,
  };
}

/** The answer when a bucket policy denies the action to everyone (`Deny` with `Principal: *`). */
export function resourceDenied(principalArn: string, iamAction: string, bucket: string): S3Error {
  return {
    code: 'AccessDenied',
    status: 403,
    message: `User: ${principalArn} is not authorized to perform: ${iamAction} on resource: "arn:aws:s3:::${bucket}" with an explicit deny in a resource-based policy`,
  };
}

/** The answer for a bucket someone else owns (or not the `x-amz-expected-bucket-owner`). */
export function accessDenied(): S3Error {
  return { code: 'AccessDenied', status: 403, message: 'Access Denied' };
}

/** S3's throttling answer, which the SDK retries. */
export function slowDown(): S3Error {
  return { code: 'SlowDown', status: 503, message: 'Please reduce your request rate.' };
}

/** A server-side failure with a 5xx status. */
export function internalError(status: number): S3Error {
  return {
    code: status === 503 ? 'ServiceUnavailable' : 'InternalError',
    status,
    message:
      status === 503
        ? 'Service is unable to handle request.'
        : 'We encountered an internal error. Please try again.',
  };
}

/**
 * The answer for a bucket addressed in the wrong region: 301 with the bucket's region in
 * `x-amz-bucket-region`. SDK v3 does not follow it unless `followRegionRedirects` is set.
 */
export function permanentRedirect(bucket: string, region: string): S3Error {
  return {
    code: 'PermanentRedirect',
    status: 301,
    message:
      'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
    details: [
      ['Endpoint', `s3.${region}.amazonaws.com`],
      ['Bucket', bucket],
    ],
    headers: { 'x-amz-bucket-region': region },
  };
}

/** A request parameter S3 rejects. */
export function invalidArgument(message: string, name: string, value: string): S3Error {
  return {
    code: 'InvalidArgument',
    status: 400,
    message,
    details: [
      ['ArgumentName', name],
      ['ArgumentValue', value],
    ],
  };
}

/** A request without a usable SigV4 signature, or with an unknown access key. */
export function invalidAccessKeyId(accessKeyId: string): S3Error {
  return {
    code: 'InvalidAccessKeyId',
    status: 403,
    message: 'The AWS Access Key Id you provided does not exist in our records.',
    details: [['AWSAccessKeyId', accessKeyId]],
  };
}

/** A request the sim does not serve (object operations, writes, unknown subresources). */
export function notImplemented(): S3Error {
  return {
    code: 'NotImplemented',
    status: 501,
    message: 'A header you provided implies functionality that is not implemented',
  };
}
