import type { Resource } from '../../model/schema.js';
import { editConfiguration, editField, isPlainObject, omit } from './step.js';

/** Drops an EKS pod identity association's `modifiedAt`. */
export function dropPodIdentityVolatileFields(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) => omit(configuration, ['modifiedAt']));
}

/**
 * Parses the association's session `policy` (an IAM policy as a JSON string) into an object, so
 * the canonical YAML sorts its keys and a reformatted but equal policy is not a change. A string
 * that is not a JSON object stays as it is.
 */
export function parsePodIdentityPolicy(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) =>
    editField(configuration, 'policy', (policy) => {
      if (typeof policy !== 'string') return policy;
      try {
        const parsed: unknown = JSON.parse(policy);
        return isPlainObject(parsed) ? parsed : policy;
      } catch {
        return policy;
      }
    }),
  );
}
