import { stringify } from 'yaml';

/** A kubeconfig text with one cluster, user and context, all named `sim`. */
export function kubeconfigText(options: { server: string; caPem: string; token: string }): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'sim',
        cluster: {
          server: options.server,
          'certificate-authority-data': Buffer.from(options.caPem).toString('base64'),
        },
      },
    ],
    users: [{ name: 'sim', user: { token: options.token } }],
    contexts: [{ name: 'sim', context: { cluster: 'sim', user: 'sim' } }],
    'current-context': 'sim',
    preferences: {},
  });
}
