import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ISecurityGroup, ISubnet, IVpc } from 'aws-cdk-lib/aws-ec2';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/** The repository root: entries and the lock file are found from here, whatever the cwd. */
const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Gives the ESM bundle a `require`: esbuild turns a CommonJS dependency's `require('node:x')` into
 * a shim that throws "Dynamic require is not supported" unless one is in scope.
 */
/** Gives the ESM bundle a `require` for the CommonJS modules esbuild keeps dynamic (also used by the bench). */
export const LAMBDA_BUNDLE_BANNER =
  "import { createRequire as __statetrailCreateRequire } from 'node:module'; const require = __statetrailCreateRequire(import.meta.url);";

/** Props of {@link ScannerFunction}. */
export interface ScannerFunctionProps {
  /** The handler file relative to the repository root, e.g. `functions/collect.ts`; exports `handler`. */
  readonly entry: string;
  /** Shown in the console. @default no description */
  readonly description?: string;
  /** @default Duration.minutes(1) */
  readonly timeout?: Duration;
  /** More memory also buys proportionally more CPU. @default 512 */
  readonly memorySize?: number;
  /** How long the function's logs are kept. @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /** Plain configuration only: secrets are named by ARN and read at runtime. @default none */
  readonly environment?: Readonly<Record<string, string>>;
  /** Encrypts the function's log group (its key policy must let CloudWatch Logs use it). @default AWS-owned key */
  readonly logEncryptionKey?: IKey;
  /** Runs the function in these subnets (private EKS endpoints). @default outside any VPC */
  readonly vpc?: ScannerFunctionVpc;
}

/** Where a {@link ScannerFunction} runs inside a VPC. */
export interface ScannerFunctionVpc {
  readonly vpc: IVpc;
  readonly subnets: readonly ISubnet[];
  readonly securityGroups: readonly ISecurityGroup[];
}

/**
 * A statetrail Lambda with the house defaults: Node.js 22 on ARM64, JSON logs into its own log
 * group with retention, X-Ray tracing, and a minified ESM bundle that carries its own AWS SDK
 * (the tested SDK is the deployed SDK) with source maps.
 */
export class ScannerFunction extends NodejsFunction {
  /** The handler file relative to the repository root, as given (tests run it in-process). */
  public readonly entry: string;

  public constructor(scope: Construct, id: string, props: ScannerFunctionProps) {
    // Siblings rather than children: the function's props need them before `this` exists.
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
      ...(props.logEncryptionKey ? { encryptionKey: props.logEncryptionKey } : {}),
    });
    // Our own role instead of the default one with AWSLambdaBasicExecutionRole (logs:* on every
    // log group): this one may write to its own log group only; callers add what the code needs.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    });
    logGroup.grantWrite(role);
    if (props.vpc) {
      // What AWSLambdaVPCAccessExecutionRole grants, inline: Lambda manages the function's ENIs.
      role.addToPolicy(
        new PolicyStatement({
          sid: 'LambdaVpcNetworkInterfaces',
          actions: [
            'ec2:CreateNetworkInterface',
            'ec2:DeleteNetworkInterface',
            'ec2:DescribeNetworkInterfaces',
            'ec2:AssignPrivateIpAddresses',
            'ec2:UnassignPrivateIpAddresses',
          ],
          resources: ['*'],
        }),
      );
    }
    super(scope, id, {
      entry: `${repositoryRoot}${props.entry}`,
      handler: 'handler',
      projectRoot: repositoryRoot,
      depsLockFilePath: `${repositoryRoot}package-lock.json`,
      ...(props.description === undefined ? {} : { description: props.description }),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      timeout: props.timeout ?? Duration.minutes(1),
      memorySize: props.memorySize ?? 512,
      loggingFormat: LoggingFormat.JSON,
      logGroup,
      role,
      ...(props.vpc
        ? {
            vpc: props.vpc.vpc,
            vpcSubnets: { subnets: [...props.vpc.subnets] },
            securityGroups: [...props.vpc.securityGroups],
          }
        : {}),
      tracing: Tracing.ACTIVE,
      environment: { ...props.environment, NODE_OPTIONS: '--enable-source-maps' },
      bundling: {
        format: OutputFormat.ESM,
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        bundleAwsSDK: true,
        banner: LAMBDA_BUNDLE_BANNER,
      },
    });
    this.entry = props.entry;
  }
}
