import { describe, expect, it } from 'vitest';
import { dropIdentityProviderConfigVolatileFields } from '../../../../lib/snapshot/normalize/eks-identity-provider-config.js';
import { deepFreeze, resourceOf } from './fixtures.js';

describe('Function: dropIdentityProviderConfigVolatileFields', () => {
  it.each([
    [
      'drops the OIDC config status',
      { oidc: { identityProviderConfigName: 'sso', status: 'CREATING', issuerUrl: 'https://x' } },
      { oidc: { identityProviderConfigName: 'sso', issuerUrl: 'https://x' } },
    ],
    ['leaves a config without oidc alone', { other: {} }, { other: {} }],
  ])('%s', (_name, configuration, expected) => {
    const output = dropIdentityProviderConfigVolatileFields(
      deepFreeze(resourceOf('AWS::EKS::IdentityProviderConfig', configuration)),
    );
    expect(output.configuration).toStrictEqual(expected);
  });
});
