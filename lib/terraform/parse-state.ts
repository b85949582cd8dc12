import { instanceAddress } from './address.js';
import { StateFormatError } from './errors.js';
import { shapeError, syntaxError } from './format-error.js';
import { checkStateDepth, checkStateSize } from './limits.js';
import { maskAttributes, maskKubernetesSecrets, maskNamed } from './mask.js';
import { type TfInstance, type TfOutput, type TfResource, TfState } from './schema.js';
import { SENSITIVE, type StateInstance, type StateScopeHint } from './state-instance.js';

/** One parsed state: its identity, its managed instances and its outputs, all masked. */
export interface ParsedState {
  /** Where it was read from: a file path or `s3://bucket/key`. */
  readonly state: string;
  readonly lineage: string;
  readonly serial: number;
  readonly terraformVersion: string;
  readonly instances: StateInstance[];
  /** Root outputs by name; sensitive ones are `(sensitive)`. */
  readonly outputs: Readonly<Record<string, unknown>>;
}

const SUPPORTED_VERSION = 4;

/**
 * Parses a Terraform state (format 4) into masked instances: managed resources only, addresses
 * as Terraform prints them, deposed objects and the tainted flag kept.
 * @throws StateFormatError naming `source` and the JSON path, never a value.
 */
export function parseState(text: string, source: string, hint?: StateScopeHint): ParsedState {
  checkStateSize(Buffer.byteLength(text, 'utf8'), source);
  const raw = parseJson(text, source);
  checkVersion(raw, source);
  checkStateDepth(raw, source);
  const parsed = TfState.safeParse(raw);
  if (!parsed.success) throw shapeError(source, parsed.error);
  const state = parsed.data;
  const instances: StateInstance[] = [];
  for (const resource of state.resources) {
    if (resource.mode !== 'managed') continue;
    for (const instance of resource.instances) {
      instances.push(toInstance(resource, instance, state, source, hint));
    }
  }
  return {
    state: source,
    lineage: state.lineage,
    serial: state.serial,
    terraformVersion: state.terraform_version,
    instances,
    outputs: maskOutputs(state.outputs ?? {}),
  };
}

function parseJson(text: string, source: string): unknown {
  if (text.trim() === '') throw new StateFormatError(`Terraform state ${source} is empty`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw syntaxError(source, text, error);
  }
}

function checkVersion(raw: unknown, source: string): void {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new StateFormatError(`Malformed Terraform state ${source}: (root): expected object`);
  }
  const version: unknown = (raw as Record<string, unknown>)['version'];
  if (version === SUPPORTED_VERSION) return;
  // A version number is no secret; anything else is not echoed.
  const which = Number.isInteger(version) ? ` ${String(version)}` : '';
  throw new StateFormatError(
    `Unsupported Terraform state ${source}: version: format version${which} is not supported (statetrail reads format ${SUPPORTED_VERSION}, written by Terraform 0.12 and later)`,
  );
}

function toInstance(
  resource: TfResource,
  instance: TfInstance,
  state: TfState,
  source: string,
  hint: StateScopeHint | undefined,
): StateInstance {
  const attributes = instance.attributes ?? instance.attributes_flat ?? {};
  return {
    state: source,
    lineage: state.lineage,
    serial: state.serial,
    address: instanceAddress(
      resource.module,
      resource.type,
      resource.name,
      instance.index_key,
      instance.deposed,
    ),
    type: resource.type,
    provider: resource.provider,
    attributes: maskKubernetesSecrets(
      resource.type,
      maskAttributes(attributes, instance.sensitive_attributes),
    ),
    tainted: instance.status === 'tainted',
    ...(instance.deposed === undefined ? {} : { deposed: instance.deposed }),
    ...(hint === undefined ? {} : { scopeHint: hint }),
  };
}

function maskOutputs(outputs: Readonly<Record<string, TfOutput>>): Record<string, unknown> {
  const masked: Record<string, unknown> = {};
  for (const [name, output] of Object.entries(outputs)) {
    masked[name] = output.sensitive === true ? SENSITIVE : maskNamed(name, output.value);
  }
  return masked;
}
