/** One entry of a `POST /git/trees` call: inline content, a blob by hash, or a deletion. */
export type TreeWrite =
  | {
      readonly path: string;
      readonly mode: '100644';
      readonly type: 'blob';
      readonly content: string;
    }
  | {
      readonly path: string;
      readonly mode: '100644';
      readonly type: 'blob';
      readonly sha: string | null;
      /** Size of the blob behind `sha`, for the chunk budget. */
      readonly bytes?: number;
    };

/** How large one tree call may be. */
export interface ChunkLimits {
  /** @default 100 */
  readonly maxEntries?: number;
  /** Bytes of inline content per call. @default 2 MiB */
  readonly maxBytes?: number;
}

/**
 * Splits tree entries into calls of at most 100 entries and 2 MiB of content: GitHub answers 502
 * or "input was too large" past a few hundred files or megabytes in one call, and chained calls
 * on `base_tree` build the same tree. An entry larger than the budget goes alone.
 */
export function chunkTreeEntries(
  entries: readonly TreeWrite[],
  limits: ChunkLimits = {},
): TreeWrite[][] {
  const maxEntries = limits.maxEntries ?? 100;
  const maxBytes = limits.maxBytes ?? 2 * 1024 * 1024;
  const chunks: TreeWrite[][] = [];
  let current: TreeWrite[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = 'content' in entry ? Buffer.byteLength(entry.content, 'utf8') : 0;
    if (current.length > 0 && (current.length >= maxEntries || bytes + size > maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
