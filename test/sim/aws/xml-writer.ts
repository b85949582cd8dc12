import { NormalizedSchema } from '@smithy/core/schema';

/**
 * Writes SDK-shaped objects as the XML that EC2 Query and awsQuery services answer.
 *
 * Why schema-driven rather than a hand-written serializer per shape: the installed SDK carries the
 * exact wire name of every member (`xmlName`: `reservationSet`, `ipPermissionsEgress`, `groups` for
 * `UserIdGroupPairs`...) and of every list item (`item` for EC2, `member` for STS) in its exported
 * schemas (`DescribeInstancesResult$`...), and its deserializer reads by those names
 * (@aws-sdk/core XmlShapeDeserializer: member `xmlName ?? memberName`, list item
 * `xmlName ?? "member"`, `<entry><key/><value/></entry>` for maps). Walking the same schemas with
 * the same rules gives the names the SDK expects for every shape, including ones added later,
 * where a hand-written table of hundreds of element names would drift.
 */

/** A schema as the SDK exports it (`DescribeInstancesResult$`, `Credentials$`...). */
export type SchemaRef = Parameters<typeof NormalizedSchema.of>[0];

/** Writes a value's body (the element's content) into `out`. */
type BodyWriter = (value: unknown, out: string[]) => void;

interface MemberPlan {
  name: string;
  open: string;
  close: string;
  empty: string;
  /** Flattened lists and maps repeat the member's element instead of nesting items. */
  flattened: boolean;
  write: BodyWriter;
  items?: BodyWriter;
}

// Large worlds (20k instances) make this the hot path: one compiled writer per shape, reused.
const writers = new Map<unknown, BodyWriter>();

/** The XML of a structure's members (without an element of its own). */
export function writeMembers(schema: SchemaRef, value: object): string {
  const out: string[] = [];
  writerFor(NormalizedSchema.of(schema))(value, out);
  return out.join('');
}

/** Escapes text for an element body; `\r` as a reference because the SDK's parser folds CRLF. */
export function escapeXml(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(/[&<>"\r]/g, (c) => XML_ESCAPES[c] ?? c) : text;
}

const NEEDS_ESCAPE = /[&<>"\r]/;
const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\r': '&#13;',
};

function writerFor(ns: NormalizedSchema): BodyWriter {
  const key =
    ns.isStructSchema() || ns.isListSchema() || ns.isMapSchema() ? ns.getSchema() : undefined;
  const cached = key === undefined ? undefined : writers.get(key);
  if (cached) return cached;
  const writer = compile(ns);
  if (key !== undefined) writers.set(key, writer);
  return writer;
}

function compile(ns: NormalizedSchema): BodyWriter {
  if (ns.isStructSchema()) {
    let plan: MemberPlan[] | undefined; // built on first use, so recursive shapes terminate
    return (value, out) => {
      plan ??= planOf(ns);
      writeStruct(plan, value as Record<string, unknown>, out);
    };
  }
  if (ns.isListSchema()) {
    const item = ns.getValueSchema();
    const name = item.getMergedTraits().xmlName ?? 'member';
    let write: BodyWriter | undefined;
    return (value, out) => {
      write ??= writerFor(item);
      for (const v of value as unknown[])
        writeElement(`<${name}>`, `</${name}>`, `<${name}/>`, write, v, out);
    };
  }
  if (ns.isMapSchema()) return (value, out) => writeMapEntries('entry', ns, value as object, out);
  if (ns.isTimestampSchema()) return (value, out) => out.push(timestampText(ns, value));
  if (ns.isBlobSchema()) return (value, out) => out.push(blobText(value));
  return (value, out) => out.push(escapeXml(scalarText(value)));
}

function planOf(ns: NormalizedSchema): MemberPlan[] {
  const plan: MemberPlan[] = [];
  for (const [name, member] of ns.structIterator()) {
    const element = member.getMemberTraits().xmlName ?? name;
    const flattened = Boolean(member.getMergedTraits().xmlFlattened);
    plan.push({
      name,
      open: `<${element}>`,
      close: `</${element}>`,
      empty: `<${element}/>`,
      flattened,
      write:
        flattened && member.isMapSchema()
          ? (v, out) => writeMapEntries(element, member, v as object, out)
          : writerFor(member),
      ...(flattened && member.isListSchema() ? { items: writerFor(member.getValueSchema()) } : {}),
    });
  }
  return plan;
}

function writeStruct(
  plan: readonly MemberPlan[],
  record: Record<string, unknown>,
  out: string[],
): void {
  for (const member of plan) {
    const v = record[member.name];
    if (v === undefined || v === null) continue;
    if (member.items && Array.isArray(v)) {
      for (const item of v)
        writeElement(member.open, member.close, member.empty, member.items, item, out);
    } else if (member.flattened && !member.items) {
      member.write(v, out);
    } else {
      writeElement(member.open, member.close, member.empty, member.write, v, out);
    }
  }
}

function writeElement(
  open: string,
  close: string,
  empty: string,
  write: BodyWriter,
  value: unknown,
  out: string[],
): void {
  if (value === undefined || value === null) return;
  const start = out.length;
  out.push(open);
  write(value, out);
  if (out.length === start + 1 || (out.length === start + 2 && out[start + 1] === '')) {
    // An empty list, struct or string reads back as [], {} or '' in the SDK, as EC2's `<tagSet/>`.
    out.length = start;
    out.push(empty);
  } else {
    out.push(close);
  }
}

function writeMapEntries(name: string, ns: NormalizedSchema, value: object, out: string[]): void {
  const keyName = ns.getKeySchema().getMergedTraits().xmlName ?? 'key';
  const valueSchema = ns.getValueSchema();
  const valueName = valueSchema.getMergedTraits().xmlName ?? 'value';
  const write = writerFor(valueSchema);
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || v === null) continue;
    out.push(`<${name}><${keyName}>${escapeXml(k)}</${keyName}>`);
    writeElement(`<${valueName}>`, `</${valueName}>`, `<${valueName}/>`, write, v, out);
    out.push(`</${name}>`);
  }
}

function blobText(value: unknown): string {
  const bytes = typeof value === 'string' ? Buffer.from(value) : Buffer.from(value as Uint8Array);
  return bytes.toString('base64');
}

function scalarText(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'string' in value) {
    return String((value as { string: unknown }).string); // NumericValue (bigDecimal)
  }
  return String(value);
}

// Mirrors the SDK's choice (determineTimestampFormat): a format trait (5/6/7) wins, otherwise
// awsQuery and ec2Query default to date-time (5).
function timestampText(ns: NormalizedSchema, value: unknown): string {
  const date = value instanceof Date ? value : new Date(String(value));
  const format = ns.getSchema();
  if (format === 6) return date.toUTCString();
  if (format === 7) return String(date.getTime() / 1000);
  return date.toISOString();
}
