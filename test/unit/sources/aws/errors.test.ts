import { describe, expect, it } from 'vitest';
import { classifyAwsError } from '../../../../lib/sources/aws/errors.js';

function named(name: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error('User arn:aws:iam::1:user/x is not authorized (value-ish text)'), {
    name,
    ...extra,
  });
}

describe('Function: classifyAwsError', () => {
  it.each([
    [named('UnauthorizedOperation'), 'denied', 'UnauthorizedOperation'],
    [named('AccessDeniedException'), 'denied', 'AccessDeniedException'],
    [named('InvalidClientTokenId'), 'denied', 'InvalidClientTokenId'],
    [named('CredentialsProviderError'), 'denied', 'no AWS credentials found'],
    [named('RequestLimitExceeded'), 'throttled', 'RequestLimitExceeded after all retries'],
    [named('ThrottlingException'), 'throttled', 'ThrottlingException after all retries'],
    [named('Error', { code: 'ECONNREFUSED' }), 'unreachable', 'ECONNREFUSED'],
    [named('TimeoutError'), 'unreachable', 'TimeoutError'],
    [new SyntaxError('Unexpected token < in JSON'), 'malformed', 'unparseable response'],
    [named('InternalError'), 'failed', 'InternalError'],
    ['a string', 'failed', 'Error'],
  ])('classifies %s', (error, code, reason) => {
    expect(classifyAwsError(error)).toEqual({ code, reason });
  });

  it('never carries the error message, which may hold values', () => {
    const { reason } = classifyAwsError(named('UnauthorizedOperation'));
    expect(reason).not.toContain('arn:aws');
  });
});
