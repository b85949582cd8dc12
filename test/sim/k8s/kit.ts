import { mulberry32 } from '../aws/random.js';
import { buildObject, type MetaFactory, metaFactory, type ObjectInput } from './meta.js';
import type { ApiResourceType, KubeObject } from './types.js';
import { type KubeWorld, putObject } from './world.js';

/** A stored object together with its apiVersion and kind, so others can point at it. */
export type Placed = KubeObject & { apiVersion: string; kind: string };

/** Fills one world: builds objects with realistic metadata and stores them. */
export interface WorldKit {
  readonly world: KubeWorld;
  readonly factory: MetaFactory;
  /** Builds and stores an object of the type its apiVersion and kind name. */
  add(input: ObjectInput): Placed;
}

/** A kit over a world, with uids and times drawn from the seed. */
export function worldKit(world: KubeWorld, seed: number): WorldKit {
  const factory = metaFactory(mulberry32(seed), world.epochMs);
  return {
    world,
    factory,
    add: (input) => {
      const type = typeFor(world, input.apiVersion, input.kind);
      const object = putObject(world, type, buildObject(factory, input));
      return { ...object, apiVersion: input.apiVersion, kind: input.kind };
    },
  };
}

/** The served type behind an apiVersion and kind. */
export function typeFor(world: KubeWorld, apiVersion: string, kind: string): ApiResourceType {
  const [group, version] = apiVersion.includes('/')
    ? (apiVersion.split('/') as [string, string])
    : ['', apiVersion];
  const type = world.types.find(
    (t) => t.group === group && t.version === version && t.kind === kind,
  );
  if (!type) throw new Error(`The world serves no ${kind} in ${apiVersion}`);
  return type;
}
