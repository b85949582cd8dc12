import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { ScannerFunction } from './scanner-function.js';
import type { StagingBucket } from './staging-bucket.js';

/** Props of {@link ScanApi}. */
export interface ScanApiProps {
  /** The scan workflow `POST /scans` starts and `GET /scans/{id}` describes. */
  readonly stateMachine: IStateMachine;
  /** Where the steps staged the scans' summaries and `latest/drift.json`. */
  readonly staging: StagingBucket;
  /** Steady requests per second of the stage. @default 5 */
  readonly rateLimit?: number;
  /** Burst of the stage. @default 10 */
  readonly burstLimit?: number;
  /** Encrypts the handler's and the access log groups. @default CloudWatch Logs' own encryption */
  readonly logEncryptionKey?: IKey;
  /** How long the handler's logs and the access logs are kept. @default one year for access logs, one month for the handler */
  readonly logRetention?: RetentionDays;
}

/**
 * The HTTP API: `POST /scans`, `GET /scans/{id}`, `GET /drift`, each route IAM-authorized (a
 * SigV4-signed request; nothing answers without one), the `$default` stage throttled and its
 * access logged. Its function may start this state machine's executions and describe them, and
 * read the staging bucket's documents, nothing else.
 */
export class ScanApi extends Construct {
  /** The API; its URL is `api.apiEndpoint`. */
  public readonly api: HttpApi;
  /** The function behind every route. */
  public readonly handler: ScannerFunction;

  public constructor(scope: Construct, id: string, props: ScanApiProps) {
    super(scope, id);
    const { stateMachine, staging } = props;
    this.handler = new ScannerFunction(this, 'Function', {
      entry: 'functions/api.ts',
      description: 'statetrail: the HTTP API (POST /scans, GET /scans/{id}, GET /drift)',
      timeout: Duration.seconds(15),
      memorySize: 512,
      ...(props.logEncryptionKey ? { logEncryptionKey: props.logEncryptionKey } : {}),
      ...(props.logRetention ? { logRetention: props.logRetention } : {}),
      environment: {
        STAGING_BUCKET: staging.bucketName,
        STAGING_PREFIX: staging.prefix,
        STATE_MACHINE_ARN: stateMachine.stateMachineArn,
      },
    });
    stateMachine.grantStartExecution(this.handler);
    const stack = Stack.of(this);
    const machineName = stack.splitArn(
      stateMachine.stateMachineArn,
      ArnFormat.COLON_RESOURCE_NAME,
    ).resourceName;
    this.handler.addToRolePolicy(
      new PolicyStatement({
        sid: 'DescribeScanExecutions',
        actions: ['states:DescribeExecution'],
        resources: [
          stack.formatArn({
            service: 'states',
            resource: 'execution',
            resourceName: `${machineName}:*`,
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        ],
      }),
    );
    staging.grantRead(this.handler, `${staging.prefix}*`);

    this.api = new HttpApi(this, 'Api', {
      description:
        'statetrail: on-demand scans and the latest drift report (IAM-signed requests only)',
      createDefaultStage: false,
      defaultAuthorizer: new HttpIamAuthorizer(),
    });
    const integration = new HttpLambdaIntegration('Integration', this.handler);
    this.api.addRoutes({ path: '/scans', methods: [HttpMethod.POST], integration });
    this.api.addRoutes({ path: '/scans/{id}', methods: [HttpMethod.GET], integration });
    this.api.addRoutes({ path: '/drift', methods: [HttpMethod.GET], integration });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention ?? RetentionDays.ONE_YEAR,
      ...(props.logEncryptionKey ? { encryptionKey: props.logEncryptionKey } : {}),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    new HttpStage(this, 'Stage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit ?? 5, burstLimit: props.burstLimit ?? 10 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // The caller's ARN says who asked; no headers or bodies are logged.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            caller: '$context.identity.userArn',
            sourceIp: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
          }),
        ),
      },
    });
  }
}
