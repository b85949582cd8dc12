import type { RequestOptions } from 'node:https';
import { describe, expect, it } from 'vitest';
import { eksKubeConfig } from '../../../../lib/sources/k8s/eks-kubeconfig.js';

const CA_PEM = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n';
const OPTIONS = {
  name: 'prod',
  endpoint: 'https://ABCDEF0123456789.gr7.eu-west-1.eks.amazonaws.com',
  certificateAuthorityData: Buffer.from(CA_PEM).toString('base64'),
  token: 'k8s-aws-v1.aHR0cHM6Ly9zdHM',
};

describe('eksKubeConfig', () => {
  it('points the current context at the cluster endpoint and CA', () => {
    const kc = eksKubeConfig(OPTIONS);
    const cluster = kc.getCurrentCluster();
    expect(cluster?.name).toBe('prod');
    expect(cluster?.server).toBe(OPTIONS.endpoint);
    expect(cluster?.caData).toBe(OPTIONS.certificateAuthorityData);
    expect(cluster?.skipTLSVerify).toBe(false);
  });

  it('authenticates as a user holding the bearer token', () => {
    expect(eksKubeConfig(OPTIONS).getCurrentUser()?.token).toBe(OPTIONS.token);
  });

  it('puts the bearer token and the decoded CA on HTTPS requests', async () => {
    const options: RequestOptions = {};
    await eksKubeConfig(OPTIONS).applyToHTTPSOptions(options);
    expect(options.headers).toMatchObject({ Authorization: `Bearer ${OPTIONS.token}` });
    expect(Buffer.from(options.ca as Buffer).toString('utf8')).toBe(CA_PEM);
  });
});
