import type { IncomingMessage } from 'node:http';
import type { BrokenAnswer, FaultEffect } from './faults.js';
import type { S3ConfigOperation } from './s3-operations.js';
import { restXmlReply } from './s3-xml.js';

const EC2_XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/';
const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** A 200 answer's body and content type. */
export interface RawAnswer {
  readonly contentType: string;
  readonly body: string;
}

/** The portal or proxy page a misrouted request gets instead of the API's answer. */
export const HTML_PAGE =
  '<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body><p>Please sign in.</p></body></html>\n';

const HTML: RawAnswer = { contentType: 'text/html; charset=utf-8', body: HTML_PAGE };

/** A broken 200 from the EC2 Query API for `action`. */
export function brokenEc2Answer(answer: BrokenAnswer, action: string): RawAnswer {
  const xml = (root: string, content: string): RawAnswer => ({
    contentType: 'text/xml;charset=UTF-8',
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${EC2_XMLNS}"><requestId>sim</requestId>${content}</${root}>`,
  });
  switch (answer) {
    case 'html':
      return HTML;
    case 'empty':
      return { contentType: 'text/xml;charset=UTF-8', body: '' };
    case 'foreign':
      // Another EC2 action's answer, whose list holds nothing this action's reader knows.
      return action === 'DescribeRegions'
        ? xml('DescribeAvailabilityZonesResponse', '<availabilityZoneInfo/>')
        : xml('DescribeRegionsResponse', '<regionInfo/>');
    case 'bare':
      return xml(`${action}Response`, '');
  }
}

/** A broken 200 from a JSON API (EKS). */
export function brokenJsonAnswer(answer: BrokenAnswer): RawAnswer {
  switch (answer) {
    case 'html':
      return HTML;
    case 'empty':
      return { contentType: 'application/json', body: '' };
    case 'foreign':
      // STS's GetCallerIdentity in JSON: an object, and nothing any EKS reader looks for.
      return {
        contentType: 'application/json',
        body: '{"Account":"111111111111","Arn":"arn:aws:iam::111111111111:user/sim","UserId":"AIDASIM"}',
      };
    case 'bare':
      return { contentType: 'application/json', body: '{}' };
  }
}

/** A broken 200 from S3: ListBuckets when `operation` is undefined, else one bucket read. */
export function brokenS3Answer(
  answer: BrokenAnswer,
  operation: S3ConfigOperation | undefined,
): RawAnswer {
  // The policy read's body is the policy document itself, JSON.
  if (operation?.key === 'BucketPolicy') return brokenJsonAnswer(answer);
  const xml = (root: string, content: string): RawAnswer => ({
    contentType: 'application/xml',
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${S3_XMLNS}">${content}</${root}>`,
  });
  switch (answer) {
    case 'html':
      return HTML;
    case 'empty':
      return { contentType: 'application/xml', body: '' };
    case 'foreign':
      return operation === undefined
        ? xml('VersioningConfiguration', '')
        : xml('ListAllMyBucketsResult', '<Buckets></Buckets>');
    case 'bare':
      return operation === undefined
        ? xml('ListAllMyBucketsResult', '')
        : { contentType: 'application/xml', body: restXmlReply(operation.output, {}).body };
  }
}

/**
 * Ends a call at the transport for the `reset` and `hang` faults: the socket is destroyed, or the
 * call is left unanswered (the client's request timeout ends it). True when it did either.
 */
export function breakTransport(
  fault: FaultEffect['kind'] | undefined,
  req: IncomingMessage,
): boolean {
  if (fault === 'reset') {
    req.socket.destroy();
    return true;
  }
  return fault === 'hang';
}
