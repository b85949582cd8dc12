import type { Placed, WorldKit } from './kit.js';
import { addType } from './world.js';

/** The parts of a CustomResourceDefinition the sim needs to serve its resources. */
export interface CrdSpec {
  group: string;
  /** Served versions, the storage (preferred) version first. */
  versions: readonly string[];
  kind: string;
  plural: string;
  scope: 'Namespaced' | 'Cluster';
  shortNames?: readonly string[];
}

/**
 * Stores a CustomResourceDefinition (with the status block an exporter drops) and makes the
 * world serve its resources under their group, every listed version.
 */
export function defineCustomResource(kit: WorldKit, spec: CrdSpec): Placed {
  const singular = spec.kind.toLowerCase();
  const names = {
    kind: spec.kind,
    listKind: `${spec.kind}List`,
    plural: spec.plural,
    singular,
    ...(spec.shortNames ? { shortNames: spec.shortNames } : {}),
  };
  for (const version of spec.versions)
    addType(kit.world, {
      group: spec.group,
      version,
      resource: spec.plural,
      kind: spec.kind,
      singularName: singular,
      namespaced: spec.scope === 'Namespaced',
      verbs: ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'],
      ...(spec.shortNames ? { shortNames: spec.shortNames } : {}),
      subresources: [{ name: 'status', verbs: ['get', 'patch', 'update'] }],
    });
  return kit.add({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    name: `${spec.plural}.${spec.group}`,
    generation: 1,
    writers: [
      { manager: 'kubectl-client-side-apply' },
      { manager: 'kube-apiserver', subresource: 'status', minutes: 0.1 },
    ],
    body: {
      spec: {
        group: spec.group,
        names,
        scope: spec.scope,
        versions: spec.versions.map((name, i) => ({
          name,
          served: true,
          storage: i === 0,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
              },
            },
          },
          subresources: { status: {} },
        })),
        conversion: { strategy: 'None' },
      },
      status: {
        acceptedNames: names,
        conditions: [
          {
            type: 'NamesAccepted',
            status: 'True',
            reason: 'NoConflicts',
            message: 'no conflicts found',
          },
          {
            type: 'Established',
            status: 'True',
            reason: 'InitialNamesAccepted',
            message: 'the initial names have been accepted',
          },
        ],
        storedVersions: [spec.versions[0]],
      },
    },
  });
}
