import { KubeError } from '../../model/kube-errors.js';

/** Why a discovery root could not be used. */
export type DiscoveryRootReason = 'forbidden' | 'throttled' | 'unavailable' | 'malformed';

/** `/api` or `/apis` could not be read or made no sense: nothing about the cluster is known. */
export class KubeDiscoveryError extends KubeError {
  public readonly reason: DiscoveryRootReason;
  public constructor(
    message: string,
    options?: ErrorOptions & { readonly reason?: DiscoveryRootReason },
  ) {
    super(message, options);
    this.name = 'KubeDiscoveryError';
    this.reason = options?.reason ?? 'unavailable';
  }
}

/** The API server could not be reached (connection refused, TLS, reset). */
export class KubeTransportError extends KubeError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'KubeTransportError';
  }
}

/**
 * The kubeconfig's credentials could not be produced (an exec plugin that fails or is missing,
 * an expired auth provider); the message names no secret.
 */
export class KubeCredentialError extends KubeError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'KubeCredentialError';
  }
}
