import { describe, expect, it } from 'vitest';
import { LEASE_CONDITIONS } from '../../../../lib/pipeline/dynamodb-lease-store.js';
import { answerDynamo, type SimTable } from '../../../sim/aws/dynamodb.js';
import {
  evaluateCondition,
  parseCondition,
  UnsupportedConditionError,
} from '../../../sim/aws/dynamodb-conditions.js';

const values = { ':now': { N: '100' }, ':holder': { S: 'scan-a' } };
const claim = parseCondition(LEASE_CONDITIONS.claim, { values });
const lease = (holder: string, expiresAt: number) => ({
  pk: { S: 'k' },
  holder: { S: holder },
  expiresAt: { N: String(expiresAt) },
});

describe('simulated DynamoDB condition expressions', () => {
  it.each([
    ['no item', undefined, true],
    ["another holder's live lease", lease('scan-b', 100), false],
    ["another holder's expired lease", lease('scan-b', 99), true],
    ["the holder's own live lease", lease('scan-a', 500), true],
  ])('evaluates the claim condition on %s', (_, item, expected) => {
    expect(evaluateCondition(claim, item, values)).toBe(expected);
  });

  it('resolves #names and binds AND tighter than OR', () => {
    const condition = parseCondition(
      '#h = :holder AND expiresAt > :now OR attribute_not_exists(pk)',
      {
        names: { '#h': 'holder' },
        values,
      },
    );
    expect(evaluateCondition(condition, lease('scan-a', 101), values)).toBe(true);
    expect(evaluateCondition(condition, lease('scan-a', 100), values)).toBe(false);
    expect(evaluateCondition(condition, undefined, values)).toBe(true);
  });

  it.each([
    'begins_with(holder, :holder)',
    '(holder = :holder)',
    'NOT holder = :holder',
    'expiresAt BETWEEN :now AND :holder',
    'holder.name = :holder',
  ])('refuses loudly what it does not evaluate: %s', (expression) => {
    expect(() => parseCondition(expression, { values })).toThrow(UnsupportedConditionError);
  });

  it('refuses unused and undefined expression values, as DynamoDB does', () => {
    expect(() => parseCondition('holder = :holder', { values })).toThrow(/unused.*:now/);
    expect(() => parseCondition('holder = :other', { values })).toThrow(/not defined.*:other/);
  });

  it('answers an unknown request field or operation with an error, never by ignoring it', () => {
    const tables: Record<string, SimTable> = { t: { partitionKey: 'pk', items: new Map() } };
    const put = { TableName: 't', Item: lease('scan-a', 1) };
    expect(answerDynamo('PutItem', { ...put, Expected: {} } as never, tables)).toMatchObject({
      body: { __type: expect.stringContaining('AwsSimBug') },
    });
    expect(answerDynamo('UpdateItem', put, tables)).toMatchObject({
      body: { __type: expect.stringContaining('UnknownOperationException') },
    });
    expect(answerDynamo('PutItem', put, tables).status).toBe(200);
  });
});
