import type { Resource } from '../../model/schema.js';
import { editConfiguration, editField, editObject, omit } from './step.js';

/** Drops an EKS identity provider config's `oidc.status` (CREATING/ACTIVE/...), which AWS moves on its own. */
export function dropIdentityProviderConfigVolatileFields(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) =>
    editField(configuration, 'oidc', (oidc) => editObject(oidc, (o) => omit(o, ['status']))),
  );
}
