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

/** A record has no trail path (a segment that would be ambiguous) or a path is not a k8s path. */
export class KubePathError extends KubeError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'KubePathError';
  }
}
