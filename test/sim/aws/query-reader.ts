import { NormalizedSchema } from '@smithy/core/schema';
import type { SchemaRef } from './xml-writer.js';

/**
 * Reads a Query-protocol form (`Filter.1.Name=vpc-id&Filter.1.Value.1=vpc-1`) back into the SDK's
 * input shape (`{ Filters: [{ Name: 'vpc-id', Values: ['vpc-1'] }] }`), driven by the SDK's own
 * request schemas and mirroring its QueryShapeSerializer (@aws-sdk/core): a member's key is its
 * `ec2QueryName` (EC2 only), else its `xmlName` or member name, capitalized for EC2 struct members;
 * EC2 lists are flat (`InstanceId.1`), awsQuery lists are `Name.member.1`; maps are
 * `Name.entry.1.key`. Keys left over are parameters the API does not know.
 */

/** Which Query dialect a form was written in. */
export type QueryDialect = 'ec2' | 'awsQuery';

/** A form read back into SDK input shape, with the keys the schema did not account for. */
export interface QueryInput {
  input: Record<string, unknown>;
  unknownKeys: string[];
}

/** Reads a request's form parameters (minus Action and Version) as the schema's input object. */
export function readQuery(
  schema: SchemaRef,
  params: ReadonlyMap<string, string>,
  dialect: QueryDialect,
): QueryInput {
  const ctx: ReadContext = {
    params,
    dialect,
    prefixes: prefixesOf(params.keys()),
    used: new Set(),
  };
  const input = (readStruct(NormalizedSchema.of(schema), '', ctx) ?? {}) as Record<string, unknown>;
  const unknownKeys = [...params.keys()].filter((k) => !ctx.used.has(k));
  return { input, unknownKeys };
}

interface ReadContext {
  params: ReadonlyMap<string, string>;
  dialect: QueryDialect;
  prefixes: Set<string>;
  used: Set<string>;
}

function prefixesOf(keys: Iterable<string>): Set<string> {
  const prefixes = new Set<string>();
  for (const key of keys) {
    const parts = key.split('.');
    for (let i = 1; i <= parts.length; i++) prefixes.add(parts.slice(0, i).join('.'));
  }
  return prefixes;
}

function join(prefix: string, key: string): string {
  return prefix ? `${prefix}.${key}` : key;
}

function keyOf(name: string, ns: NormalizedSchema, ctx: ReadContext, struct: boolean): string {
  const traits = ns.getMergedTraits();
  const ec2Name = traits.ec2QueryName;
  if (ctx.dialect === 'ec2' && typeof ec2Name === 'string' && ec2Name) return ec2Name;
  const key = traits.xmlName ?? name;
  return ctx.dialect === 'ec2' && struct ? key.charAt(0).toUpperCase() + key.slice(1) : key;
}

function read(ns: NormalizedSchema, key: string, ctx: ReadContext): unknown {
  if (ns.isStructSchema()) return readStruct(ns, key, ctx);
  if (ns.isListSchema()) return readList(ns, key, ctx);
  if (ns.isMapSchema()) return readMap(ns, key, ctx);
  const text = ctx.params.get(key);
  if (text === undefined) return undefined;
  ctx.used.add(key);
  return scalar(ns, text);
}

function readStruct(ns: NormalizedSchema, prefix: string, ctx: ReadContext): unknown {
  if (prefix && !ctx.prefixes.has(prefix)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [name, member] of ns.structIterator()) {
    const value = read(member, join(prefix, keyOf(name, member, ctx, true)), ctx);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

function readList(ns: NormalizedSchema, prefix: string, ctx: ReadContext): unknown {
  if (ctx.params.get(prefix) === '') {
    ctx.used.add(prefix); // how awsQuery writes an empty list
    return [];
  }
  const item = ns.getValueSchema();
  const flat = ctx.dialect === 'ec2' || Boolean(ns.getMergedTraits().xmlFlattened);
  const base = flat ? prefix : join(prefix, keyOf('member', item, ctx, false));
  const items: unknown[] = [];
  for (let i = 1; ctx.prefixes.has(`${base}.${i}`); i++)
    items.push(read(item, `${base}.${i}`, ctx));
  return items.length > 0 ? items : undefined;
}

function readMap(ns: NormalizedSchema, prefix: string, ctx: ReadContext): unknown {
  const flat = Boolean(ns.getMergedTraits().xmlFlattened);
  const base = flat ? prefix : join(prefix, 'entry');
  const keyName = keyOf('key', ns.getKeySchema(), ctx, false);
  const valueName = keyOf('value', ns.getValueSchema(), ctx, false);
  const out: Record<string, unknown> = {};
  let found = false;
  for (let i = 1; ctx.prefixes.has(`${base}.${i}`); i++) {
    const k = read(ns.getKeySchema(), `${base}.${i}.${keyName}`, ctx);
    const v = read(ns.getValueSchema(), `${base}.${i}.${valueName}`, ctx);
    if (typeof k === 'string') out[k] = v;
    found = true;
  }
  return found ? out : undefined;
}

function scalar(ns: NormalizedSchema, text: string): unknown {
  if (ns.isNumericSchema()) return Number(text);
  if (ns.isBooleanSchema()) return text.toLowerCase() === 'true';
  if (ns.isTimestampSchema())
    return new Date(/^\d+(\.\d+)?$/.test(text) ? Number(text) * 1000 : text);
  if (ns.isBlobSchema()) return Buffer.from(text, 'base64');
  return text;
}
