import { describe, expect, it } from 'vitest';
import { hintFor } from '../../../lib/pipeline/drift.js';

describe('Function: hintFor', () => {
  const locations = [
    { location: '/states', accountId: '111111111111' },
    { location: '/states/prod', accountId: '222222222222', region: 'eu-west-1' },
    { location: 's3://tf/shared/network.tfstate', region: 'us-east-1' },
    { location: '/plain' },
  ];

  it.each([
    ['/states/dev/a.tfstate', { accountId: '111111111111' }],
    ['/states/prod/net/a.tfstate', { accountId: '222222222222', region: 'eu-west-1' }],
    ['s3://tf/shared/network.tfstate', { region: 'us-east-1' }],
    ['/statesmore/a.tfstate', undefined],
    ['/plain/a.tfstate', undefined],
  ])('gives %s the scope of the longest configured location above it', (state, hint) => {
    expect(hintFor(state, locations)).toEqual(hint);
  });
});
