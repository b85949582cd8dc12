import {
  type AttributeValue,
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { LeaseStoreError } from './errors.js';
import type { Lease, LeaseStore, LeaseWrite } from './lease.js';

/** Options for {@link DynamoDbLeaseStore}. */
export interface DynamoDbLeaseStoreOptions {
  /** Built by the composition root (`lib/wiring`), once per cold start. */
  readonly client: DynamoDBClient;
  /** The table: partition key `pk` (string), TTL attribute `expiresAt`. */
  readonly table: string;
}

/** The conditions the store sends; the simulated DynamoDB evaluates exactly these. */
export const LEASE_CONDITIONS = {
  claim: 'attribute_not_exists(pk) OR expiresAt < :now OR holder = :holder',
  holder: 'holder = :holder',
} as const;

/** A lease item as stored (only the attributes we use). */
const LeaseItem = z.object({
  pk: z.object({ S: z.string() }),
  holder: z.object({ S: z.string() }),
  expiresAt: z.object({ N: z.string().regex(/^\d+$/) }),
});

/**
 * The deployed LeaseStore: one DynamoDB item per trail, written with conditional PutItem and
 * DeleteItem (a failed condition, ConditionalCheckFailedException, means "held"), read strongly
 * consistent. `expiresAt` is also the table's TTL attribute, so DynamoDB deletes stale leases.
 */
export class DynamoDbLeaseStore implements LeaseStore {
  readonly #client: DynamoDBClient;
  readonly #table: string;

  public constructor(options: DynamoDbLeaseStoreOptions) {
    this.#client = options.client;
    this.#table = options.table;
  }

  /** Writes the lease if it is free, expired before `now`, or the holder's own. */
  public claim(lease: Lease, now: number): Promise<LeaseWrite> {
    return this.#put(lease, LEASE_CONDITIONS.claim, { ':now': { N: String(now) } });
  }

  /** Writes the lease only if its holder holds it already. */
  public extend(lease: Lease): Promise<LeaseWrite> {
    return this.#put(lease, LEASE_CONDITIONS.holder, {});
  }

  /** Deletes the lease of `key` only if `holder` holds it. */
  public async remove(key: string, holder: string): Promise<boolean> {
    try {
      await this.#client.send(
        new DeleteItemCommand({
          TableName: this.#table,
          Key: { pk: { S: key } },
          ConditionExpression: LEASE_CONDITIONS.holder,
          ExpressionAttributeValues: { ':holder': { S: holder } },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw new LeaseStoreError(`Cannot release the lease ${key} in table ${this.#table}`, {
        cause: error,
      });
    }
  }

  /** The stored lease of `key` (strongly consistent), or undefined. */
  public async read(key: string): Promise<Lease | undefined> {
    let item: Record<string, AttributeValue> | undefined;
    try {
      const answer = await this.#client.send(
        new GetItemCommand({
          TableName: this.#table,
          Key: { pk: { S: key } },
          ConsistentRead: true,
        }),
      );
      item = answer.Item;
    } catch (error) {
      throw new LeaseStoreError(`Cannot read the lease ${key} in table ${this.#table}`, {
        cause: error,
      });
    }
    return item === undefined ? undefined : this.#parse(item, key);
  }

  async #put(
    lease: Lease,
    condition: string,
    values: Record<string, AttributeValue>,
  ): Promise<LeaseWrite> {
    try {
      await this.#client.send(
        new PutItemCommand({
          TableName: this.#table,
          Item: {
            pk: { S: lease.key },
            holder: { S: lease.holder },
            expiresAt: { N: String(lease.expiresAt) },
          },
          ConditionExpression: condition,
          ExpressionAttributeValues: { ':holder': { S: lease.holder }, ...values },
          // The lease in the way comes back with the refusal: no second read.
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { written: true };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        return error.Item
          ? { written: false, current: this.#parse(error.Item, lease.key) }
          : { written: false };
      }
      throw new LeaseStoreError(`Cannot write the lease ${lease.key} in table ${this.#table}`, {
        cause: error,
      });
    }
  }

  #parse(item: Record<string, AttributeValue>, key: string): Lease {
    const parsed = LeaseItem.safeParse(item);
    if (!parsed.success) {
      throw new LeaseStoreError(
        `The lease ${key} in table ${this.#table} is malformed: ${z.prettifyError(parsed.error)}`,
      );
    }
    return {
      key: parsed.data.pk.S,
      holder: parsed.data.holder.S,
      expiresAt: Number(parsed.data.expiresAt.N),
    };
  }
}
