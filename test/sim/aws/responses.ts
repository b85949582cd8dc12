import type { SimService } from './errors.js';
import type { SchemaRef } from './xml-writer.js';
import { writeMembers } from './xml-writer.js';

const EC2_XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/';
const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** The API versions the SDK sends (`Version=` in every Query request). */
export const API_VERSIONS: Readonly<Record<SimService, string>> = {
  ec2: '2016-11-15',
  sts: '2011-06-15',
  s3: '2006-03-01',
  eks: '2017-11-01',
  organizations: '2016-11-28',
  dynamodb: '2012-08-10',
  cloudtrail: '2013-11-01',
};

/**
 * EC2's success document: the output's members straight under `<ActionResponse>`, next to a
 * lower-case `requestId` (ec2Query has no `<ActionResult>` wrapper, unlike awsQuery).
 */
export function ec2Document(
  action: string,
  schema: SchemaRef,
  output: object,
  requestId: string,
): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<${action}Response xmlns="${EC2_XMLNS}"><requestId>${requestId}</requestId>` +
    `${writeMembers(schema, output)}</${action}Response>`
  );
}

/** awsQuery's success document, as STS answers: members in `<ActionResult>`, then metadata. */
export function stsDocument(
  action: string,
  schema: SchemaRef,
  output: object,
  requestId: string,
): string {
  return (
    `<${action}Response xmlns="${STS_XMLNS}">\n` +
    `  <${action}Result>${writeMembers(schema, output)}</${action}Result>\n` +
    `  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n` +
    `</${action}Response>\n`
  );
}

/** A 200 body cut off mid-element, as a truncated or corrupted answer would arrive. */
export function malformedDocument(service: SimService, action: string, requestId: string): string {
  return service === 'ec2'
    ? `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${EC2_XMLNS}"><requestId>${requestId}</requestId><item><`
    : `<${action}Response xmlns="${STS_XMLNS}">\n  <${action}Result><Arn>`;
}
