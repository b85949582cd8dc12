import type { KubeRecord } from '../../model/kube.js';
import { toCanonicalYaml } from '../../snapshot/canonical-yaml.js';
import { kubePath } from '../../snapshot/kube/path.js';
import type { RenderedFile } from '../../snapshot/render.js';

const encoder = new TextEncoder();

/**
 * The trail file of an object (DESIGN.md "Kubernetes object file"): the cleaned manifest itself as
 * canonical YAML, so `kubectl apply -f` restores it (kubectl does not mind sorted keys). Facts stay
 * out: they change with every update and belong to the commit message.
 */
export function renderKubeRecord(record: KubeRecord): RenderedFile {
  return { path: kubePath(record), bytes: encoder.encode(toCanonicalYaml(record.manifest)) };
}
