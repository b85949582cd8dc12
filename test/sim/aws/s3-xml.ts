import { NormalizedSchema } from '@smithy/core/schema';
import { escapeXml, type SchemaRef, writeMembers } from './xml-writer.js';

const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const XSI_XMLNS = 'http://www.w3.org/2001/XMLSchema-instance';

/** A success answer of a restXml operation: headers, content type and body. */
export interface RestXmlReply {
  headers: Record<string, string>;
  contentType: string;
  body: string;
}

/**
 * Writes an SDK output object as S3 answers it, walking the operation's output schema: members
 * bound to headers go to headers, an `httpPayload` member is the whole body (a structure under
 * its own element, or a string as is: the bucket policy's JSON), and the remaining members go
 * under the output's XML name.
 *
 * Why reuse the EC2 writer (`writeMembers`): restXml and ec2Query share the SDK's
 * XmlShapeDeserializer, so member names (`xmlName ?? memberName`), list items (`xmlName ??
 * member`), flattened lists and maps follow the same rules. What restXml adds is handled here:
 * the HTTP bindings, the root element with S3's namespace, and the one `xmlAttribute` in the S3
 * model (Grantee's `xsi:type`), which the EC2 writer would emit as a child element.
 */
export function restXmlReply(schema: SchemaRef, output: object): RestXmlReply {
  const ns = NormalizedSchema.of(schema);
  const values = output as Record<string, unknown>;
  const headers: Record<string, string> = {};
  const body: Record<string, unknown> = {};
  for (const [name, member] of ns.structIterator()) {
    const traits = member.getMergedTraits();
    const value = values[name];
    if (typeof traits.httpHeader === 'string') {
      if (value !== undefined && value !== null)
        headers[traits.httpHeader.toLowerCase()] = String(value);
    } else if (traits.httpPayload) {
      if (!member.isStructSchema()) {
        return {
          headers,
          contentType: 'application/json',
          body: typeof value === 'string' ? value : '',
        };
      }
      const root = traits.xmlName ?? member.getName() ?? name;
      const content =
        value === undefined || value === null
          ? ''
          : writeMembers(member.getSchema(), value as object);
      return { headers, contentType: 'application/xml', body: document(root, content) };
    } else {
      body[name] = value;
    }
  }
  const root = ns.getMergedTraits().xmlName ?? ns.getName() ?? 'Result';
  return {
    headers,
    contentType: 'application/xml',
    body: document(root, writeMembers(schema, body)),
  };
}

/** An XML document with S3's namespace on its root element. */
export function document(root: string, content: string): string {
  const open = `<${root} xmlns="${S3_XMLNS}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${content === '' ? `${open}/>` : `${open}>${withAttributes(content)}</${root}>`}`;
}

// Grantee's type is an XML attribute (`<Grantee xsi:type="CanonicalUser">`); the generic writer
// emits it as the Grantee's first child, since it is the shape's first member.
function withAttributes(content: string): string {
  return content.replace(
    /<Grantee><xsi:type>([^<]*)<\/xsi:type>/g,
    (_match, type: string) => `<Grantee xmlns:xsi="${XSI_XMLNS}" xsi:type="${type}">`,
  );
}

/** The body of an S3 error: `<Error><Code/><Message/>...details<RequestId/><HostId/></Error>`. */
export function errorDocument(
  code: string,
  message: string,
  details: readonly (readonly [string, string])[],
  requestId: string,
  hostId: string,
): string {
  const fields = [
    ['Code', code],
    ['Message', message],
    ...details,
    ['RequestId', requestId],
    ['HostId', hostId],
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${fields
    .map(([name, value]) => `<${name}>${escapeXml(value ?? '')}</${name}>`)
    .join('')}</Error>`;
}
