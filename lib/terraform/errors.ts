/** Base of every Terraform state error. */
export class TerraformError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TerraformError';
  }
}

/**
 * A state that cannot be read as Terraform state v4: not JSON, another format version, or a
 * malformed shape. The message names the source and the JSON path, never a value.
 */
export class StateFormatError extends TerraformError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StateFormatError';
  }
}

/** A state location that could not be listed or read (missing file, denied S3 object...). */
export class StateSourceError extends TerraformError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StateSourceError';
  }
}
