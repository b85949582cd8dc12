/** Base of every Kubernetes source error. */
export class KubeError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'KubeError';
  }
}

/** An object is not a Kubernetes object (no apiVersion, kind or name); the message names no value. */
export class KubeObjectError extends KubeError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'KubeObjectError';
  }
}
