import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

/** The lease item's attributes (lib/pipeline/dynamodb-lease-store.ts writes them). */
const PARTITION_KEY = 'pk';
const TTL_ATTRIBUTE = 'expiresAt';

/**
 * The trail's lease (one item per trail: holder and expiry), so two scans never commit at once:
 * on-demand (a few calls per scan), encrypted, with point-in-time recovery, and the expiry as the
 * TTL attribute that cleans up a crashed scan's lease. Destroyed with the stack: a lease is worth
 * nothing once its scan ended, and a lost one just expires.
 */
export class LeaseTable extends Table {
  public constructor(scope: Construct, id: string) {
    super(scope, id, {
      partitionKey: { name: PARTITION_KEY, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TTL_ATTRIBUTE,
      removalPolicy: RemovalPolicy.DESTROY,
    });
  }

  /** The lease function: conditional put and delete, and the reads they need; nothing else. */
  public grantLeaseWrite(grantee: IGrantable): Grant {
    return Grant.addToPrincipal({
      grantee,
      actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
      resourceArns: [this.tableArn],
    });
  }

  /** The commit function's fence: one GetItem before it writes. */
  public grantLeaseRead(grantee: IGrantable): Grant {
    return Grant.addToPrincipal({
      grantee,
      actions: ['dynamodb:GetItem'],
      resourceArns: [this.tableArn],
    });
  }
}
