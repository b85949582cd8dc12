import { KubeError } from '../../model/kube-errors.js';

/** `/api` or `/apis` could not be read: nothing about the cluster is known. */
export class KubeDiscoveryError extends KubeError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'KubeDiscoveryError';
  }
}

/** The API server could not be reached (connection refused, TLS, reset). */
export class KubeTransportError extends KubeError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'KubeTransportError';
  }
}
