/** Base of the errors raised while building a step's clients. */
export class WiringError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'WiringError';
  }
}

/** A kubeconfig cannot be read, or has no such context or no cluster. */
export class KubeConfigError extends WiringError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'KubeConfigError';
  }
}
