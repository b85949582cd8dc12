/** A tag as the AWS SDK returns it. */
export interface SdkTag {
  readonly Key?: string | undefined;
  readonly Value?: string | undefined;
}

/** Turns an SDK tag list into the envelope's `tags` record. */
export function tagRecord(tags: readonly SdkTag[] | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  for (const tag of tags ?? []) {
    if (tag.Key !== undefined) record[tag.Key] = tag.Value ?? '';
  }
  return record;
}
