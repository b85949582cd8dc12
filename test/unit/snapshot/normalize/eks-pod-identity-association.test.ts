import { describe, expect, it } from 'vitest';
import {
  dropPodIdentityVolatileFields,
  parsePodIdentityPolicy,
} from '../../../../lib/snapshot/normalize/eks-pod-identity-association.js';
import { deepFreeze, resourceOf } from './fixtures.js';

const TYPE = 'AWS::EKS::PodIdentityAssociation';

describe('Function: dropPodIdentityVolatileFields', () => {
  it.each([
    [
      'drops modifiedAt, keeping createdAt',
      { associationId: 'a-1', createdAt: 'c', modifiedAt: 'm' },
      { associationId: 'a-1', createdAt: 'c' },
    ],
  ])('%s', (_name, configuration, expected) => {
    const output = dropPodIdentityVolatileFields(deepFreeze(resourceOf(TYPE, configuration)));
    expect(output.configuration).toStrictEqual(expected);
  });
});

describe('Function: parsePodIdentityPolicy', () => {
  it.each([
    [
      'parses a JSON session policy into an object',
      {
        policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject"}]}',
      },
      {
        policy: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject' }],
        },
      },
    ],
    ['keeps a string that is not a JSON object', { policy: 'not json' }, { policy: 'not json' }],
    ['keeps a JSON value that is not an object', { policy: '[1]' }, { policy: '[1]' }],
    ['leaves an association without a policy alone', { namespace: 'a' }, { namespace: 'a' }],
  ])('%s', (_name, configuration, expected) => {
    const output = parsePodIdentityPolicy(deepFreeze(resourceOf(TYPE, configuration)));
    expect(output.configuration).toStrictEqual(expected);
  });
});
