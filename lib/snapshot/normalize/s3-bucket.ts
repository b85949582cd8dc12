import type { Resource } from '../../model/schema.js';
import { editSupplementary } from './s3-supplementary.js';
import { sortedBy } from './sort-list.js';
import { editField, editItems, editObject, pick } from './step.js';

// Not sorted on purpose: CORS rules (S3 applies the first rule that matches a request) and
// website routing rules (first match wins) are ordered lists; their order is configuration.

/** Sorts a bucket's lifecycle rules by ID, and each rule's transitions (a set, one per storage class). */
export function sortBucketLifecycleRules(resource: Resource): Resource {
  return editSupplementary(resource, 'BucketLifecycleConfiguration', (output) =>
    editField(output, 'Rules', (rules) =>
      sortedBy(
        editItems(rules, (rule) => {
          const edited = editField(rule, 'Transitions', (transitions) =>
            sortedBy(transitions, (t) => [
              pick(t, 'Days'),
              pick(t, 'Date'),
              pick(t, 'StorageClass'),
            ]),
          );
          return editField(edited, 'NoncurrentVersionTransitions', (transitions) =>
            sortedBy(transitions, (t) => [pick(t, 'NoncurrentDays'), pick(t, 'StorageClass')]),
          );
        }),
        (rule) => [pick(rule, 'ID')],
      ),
    ),
  );
}

/** Sorts a bucket's replication rules by ID, then Priority (S3 orders them by neither). */
export function sortBucketReplicationRules(resource: Resource): Resource {
  return editSupplementary(resource, 'BucketReplication', (output) =>
    editField(output, 'ReplicationConfiguration', (configuration) =>
      editObject(configuration, (c) =>
        editField(c, 'Rules', (rules) =>
          sortedBy(rules, (rule) => [pick(rule, 'ID'), pick(rule, 'Priority')]),
        ),
      ),
    ),
  );
}

/** Sorts a bucket's `BucketTagging.TagSet` by Key (the envelope's `tags` is a record already). */
export function sortBucketTagSet(resource: Resource): Resource {
  return editSupplementary(resource, 'BucketTagging', (output) =>
    editField(output, 'TagSet', (tags) => sortedBy(tags, (tag) => [pick(tag, 'Key')])),
  );
}

const NOTIFICATION_LISTS = [
  'TopicConfigurations',
  'QueueConfigurations',
  'LambdaFunctionConfigurations',
] as const;

/** Sorts a bucket's event notifications by Id, with each one's events and key filter rules. */
export function sortBucketNotifications(resource: Resource): Resource {
  return editSupplementary(resource, 'BucketNotificationConfiguration', (output) => {
    let edited = output;
    for (const list of NOTIFICATION_LISTS) {
      edited = editField(edited, list, (configurations) =>
        sortedBy(
          editItems(configurations, (configuration) => {
            const withEvents = editField(configuration, 'Events', (events) =>
              sortedBy(events, (event) => [typeof event === 'string' ? event : undefined]),
            );
            return editField(withEvents, 'Filter', (filter) =>
              editObject(filter, (f) =>
                editField(f, 'Key', (key) =>
                  editObject(key, (k) =>
                    editField(k, 'FilterRules', (rules) =>
                      sortedBy(rules, (rule) => [pick(rule, 'Name'), pick(rule, 'Value')]),
                    ),
                  ),
                ),
              ),
            );
          }),
          (configuration) => [pick(configuration, 'Id')],
        ),
      );
    }
    return edited;
  });
}
