/**
 * Where pipeline steps exchange their JSON documents: a directory locally, an S3 prefix per scan
 * when deployed. Keys are `/`-separated relative names such as `scans/<id>/plan.json`.
 */
export interface StagingStore {
  /** Stores a JSON-serializable document under a key, replacing any earlier one. */
  put(key: string, document: unknown): Promise<void>;
  /** Reads the document under a key; throws StagingMissingError when absent. */
  get(key: string): Promise<unknown>;
  /** Lists the keys under a prefix, sorted. */
  list(prefix: string): Promise<string[]>;
}
