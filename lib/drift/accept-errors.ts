/** Base of every drift-acceptance error; messages name files and entries, never a value. */
export class AcceptanceError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AcceptanceError';
  }
}

/** Where an accepted-drift file went wrong: the file, and the entry index when one is to blame. */
export interface AcceptedFileErrorOptions extends ErrorOptions {
  readonly source: string;
  readonly entry?: number;
}

/** An `.statetrail/accepted/*.yaml` file that cannot be read, parsed or validated. */
export class AcceptedFileError extends AcceptanceError {
  /** The file, as the caller named it (a trail-relative path for files loaded from a trail). */
  public readonly source: string;
  /** The index in `entries` of the first entry at fault, when an entry is at fault. */
  public readonly entry: number | undefined;

  public constructor(message: string, options: AcceptedFileErrorOptions) {
    const { source, entry, ...rest } = options;
    super(message, rest);
    this.name = 'AcceptedFileError';
    this.source = source;
    this.entry = entry;
  }
}
