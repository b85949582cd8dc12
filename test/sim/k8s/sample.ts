import { worldKit } from './kit.js';
import { addArgoApp, addFluxObject } from './sample-gitops.js';
import {
  addEvents,
  addNamespaces,
  addNodes,
  addRbac,
  addWebhook,
  addWidgets,
} from './sample-platform.js';
import { addWebApp } from './sample-workloads.js';
import {
  createWorld,
  type KubeWorld,
  putObject,
  sortedObjects,
  type WorldOptions,
} from './world.js';

/** The namespaces of {@link sampleCluster}. */
export const SAMPLE_NAMESPACES = [
  'default',
  'kube-system',
  'kube-node-lease',
  'shop',
  'argocd',
  'flux-system',
] as const;

/**
 * A small cluster holding one of everything an exporter must handle: owned objects, HPA-managed
 * replicas, every kind of Secret, colon and unicode names, Argo CD and Flux objects, noise
 * (Events, Leases, EndpointSlices, Nodes), a webhook caBundle, a CRD and a metrics group.
 */
export function sampleCluster(options: WorldOptions = {}): KubeWorld {
  const world = createWorld(options);
  const kit = worldKit(world, 7);
  addNamespaces(kit, SAMPLE_NAMESPACES);
  addRbac(kit);
  addNodes(kit, ['node-a', 'node-b']);
  const web = addWebApp(kit);
  addEvents(kit, web);
  addArgoApp(kit);
  addFluxObject(kit);
  addWebhook(kit);
  addWidgets(kit);
  addPodMetrics(world);
  return world;
}

function addPodMetrics(world: KubeWorld): void {
  const pods = sortedObjects(world, { group: '', version: 'v1', resource: 'pods' }).objects;
  for (const pod of pods)
    putObject(
      world,
      { group: 'metrics.k8s.io', version: 'v1beta1', resource: 'pods' },
      {
        metadata: {
          name: pod.metadata.name,
          namespace: pod.metadata.namespace as string,
          creationTimestamp: '2025-01-06T17:20:00Z',
        },
        timestamp: '2025-01-06T17:19:40Z',
        window: '18.2s',
        containers: [{ name: 'web', usage: { cpu: '3m', memory: '41Mi' } }],
      },
    );
}
