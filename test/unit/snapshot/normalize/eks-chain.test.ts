import { describe, expect, it } from 'vitest';
import { normalizationSteps, normalizeResource } from '../../../../lib/snapshot/normalize/chain.js';
import {
  dropNodegroupVolatileFields,
  sortNodegroupLists,
} from '../../../../lib/snapshot/normalize/eks-nodegroup.js';
import { redactCredentialValues } from '../../../../lib/snapshot/normalize/redact-values.js';
import { sortTags } from '../../../../lib/snapshot/normalize/sort-tags.js';
import { toPlainData } from '../../../../lib/snapshot/normalize/to-plain-data.js';
import { EKS_TYPES } from '../../sources/aws/eks/eks-types.js';
import { deepFreeze, resourceOf } from './fixtures.js';

describe('Function: normalizationSteps (EKS)', () => {
  it('drops volatile fields before sorting, unless the target keeps them', () => {
    expect(normalizationSteps('AWS::EKS::Nodegroup')).toEqual([
      toPlainData,
      dropNodegroupVolatileFields,
      sortNodegroupLists,
      sortTags,
      redactCredentialValues,
    ]);
    expect(normalizationSteps('AWS::EKS::Nodegroup', { keepVolatile: true })).toEqual([
      toPlainData,
      sortNodegroupLists,
      sortTags,
      redactCredentialValues,
    ]);
  });

  it.each(EKS_TYPES)(
    'has a volatile step for %s, and only that differs with keepVolatile',
    (type) => {
      const dropped = normalizationSteps(type);
      const kept = normalizationSteps(type, { keepVolatile: true });
      expect(dropped.length).toBe(kept.length + 1);
      expect(dropped.filter((step) => !kept.includes(step))).toHaveLength(1);
    },
  );

  it('leaves the EC2 chain as it was whatever keepVolatile says', () => {
    expect(normalizationSteps('AWS::EC2::Instance', { keepVolatile: true })).toEqual(
      normalizationSteps('AWS::EC2::Instance'),
    );
  });
});

describe('Function: normalizeResource (EKS)', () => {
  const raw = () =>
    resourceOf('AWS::EKS::Nodegroup', {
      nodegroupName: 'general',
      status: 'ACTIVE',
      modifiedAt: new Date('2026-05-20T14:02:11.000Z'),
      scalingConfig: { minSize: 1, maxSize: 3, desiredSize: 2 },
      subnets: ['subnet-b', 'subnet-a'],
    });

  it('drops the desired size and status by default, and sorts subnets', () => {
    expect(normalizeResource(deepFreeze(raw())).configuration).toStrictEqual({
      nodegroupName: 'general',
      scalingConfig: { minSize: 1, maxSize: 3 },
      subnets: ['subnet-a', 'subnet-b'],
    });
  });

  it('keeps them (as plain data) when asked', () => {
    expect(
      normalizeResource(deepFreeze(raw()), { keepVolatile: true }).configuration,
    ).toStrictEqual({
      nodegroupName: 'general',
      status: 'ACTIVE',
      modifiedAt: '2026-05-20T14:02:11.000Z',
      scalingConfig: { minSize: 1, maxSize: 3, desiredSize: 2 },
      subnets: ['subnet-a', 'subnet-b'],
    });
  });

  it.each(EKS_TYPES)('gives its own output back unchanged (%s)', (type) => {
    const once = normalizeResource(resourceOf(type, { status: 'ACTIVE', tags: { a: 'b' } }));
    expect(normalizeResource(once)).toStrictEqual(once);
  });
});
