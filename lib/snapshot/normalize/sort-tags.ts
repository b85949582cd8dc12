import type { Resource } from '../../model/schema.js';
import { sortedBy } from './sort-list.js';
import { editConfiguration, editField, pick } from './step.js';

/** Sorts a configuration's `Tags` list (`[{ Key, Value }]`) by Key; the envelope's `tags` is a record already. */
export function sortTags(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) =>
    editField(configuration, 'Tags', (tags) => sortedBy(tags, (tag) => [pick(tag, 'Key')])),
  );
}
