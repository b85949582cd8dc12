import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { ScannerFunction } from '../../infra/constructs/scanner-function.js';

/** The account, region and staging bucket the tokens of a definition resolve to in tests. */
export const TOKENS = { account: '111111111111', region: 'eu-west-1', partition: 'aws' } as const;

/** A state of a definition, loosely typed: the tests read what they assert on. */
export interface AslState {
  readonly Type: string;
  readonly Next?: string;
  readonly End?: boolean;
  readonly Resource?: string;
  readonly Parameters?: Record<string, unknown>;
  readonly Retry?: { ErrorEquals: string[]; [field: string]: unknown }[];
  readonly Catch?: { ErrorEquals: string[]; Next: string; ResultPath?: string | null }[];
  readonly Choices?: { Next: string; [field: string]: unknown }[];
  readonly Default?: string;
  readonly Branches?: AslDefinition[];
  readonly ItemProcessor?: AslDefinition & { ProcessorConfig?: Record<string, string> };
  readonly [field: string]: unknown;
}

/** A state machine definition (Amazon States Language). */
export interface AslDefinition {
  readonly StartAt: string;
  readonly States: Record<string, AslState>;
  readonly [field: string]: unknown;
}

/** A synthesized stack's state machine, its definition with the tokens resolved. */
export interface SynthesizedWorkflow {
  readonly template: Template;
  readonly definition: AslDefinition;
  /** A function's logical id -> its handler file (`functions/plan.ts`), for every ScannerFunction. */
  readonly handlers: ReadonlyMap<string, string>;
}

/** The ARN a function's `Fn::GetAtt [id, Arn]` resolves to here: its logical id is its name. */
export function functionArn(logicalId: string): string {
  return `arn:${TOKENS.partition}:lambda:${TOKENS.region}:${TOKENS.account}:function:${logicalId}`;
}

/** The logical id in an ARN {@link functionArn} made. */
export function logicalIdOf(arn: string): string {
  return arn.split(':').at(-1) ?? '';
}

/** An App whose stacks are not bundled: the tests read templates, and esbuild takes seconds. */
export function testApp(): App {
  return new App({ context: { 'aws:cdk:bundling-stacks': [] } });
}

/**
 * Synthesizes `stack` and returns its one state machine's definition, with every token
 * resolved: a function's ARN names its logical id, a bucket's Ref is `refs[id]` (or the id).
 */
export function synthesizeWorkflow(
  stack: Stack,
  refs: Readonly<Record<string, string>> = {},
): SynthesizedWorkflow {
  const template = Template.fromStack(stack);
  const machines = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
  if (machines.length !== 1)
    throw new Error(`expected one state machine, found ${machines.length}`);
  const definitionString = (machines[0] as { Properties: { DefinitionString: unknown } }).Properties
    .DefinitionString;
  const definition = JSON.parse(resolveTokens(definitionString, refs)) as AslDefinition;
  const handlers = new Map<string, string>();
  for (const construct of stack.node.findAll()) {
    if (!(construct instanceof ScannerFunction)) continue;
    handlers.set(stack.getLogicalId(construct.node.defaultChild as CfnFunction), construct.entry);
  }
  return { template, definition, handlers };
}

function resolveTokens(value: unknown, refs: Readonly<Record<string, string>>): string {
  if (typeof value === 'string') return value;
  const token = value as Record<string, unknown>;
  if (Array.isArray(token['Fn::Join'])) {
    const [separator, parts] = token['Fn::Join'] as [string, unknown[]];
    return parts.map((part) => resolveTokens(part, refs)).join(separator);
  }
  if (Array.isArray(token['Fn::GetAtt'])) {
    const [id, attribute] = token['Fn::GetAtt'] as [string, string];
    if (attribute !== 'Arn') throw new Error(`unexpected Fn::GetAtt ${id}.${attribute}`);
    return functionArn(id);
  }
  if (typeof token['Ref'] === 'string') {
    const id = token['Ref'];
    if (id === 'AWS::Partition') return TOKENS.partition;
    if (id === 'AWS::Region') return TOKENS.region;
    if (id === 'AWS::AccountId') return TOKENS.account;
    return refs[id] ?? id;
  }
  throw new Error(`unexpected token in the definition: ${JSON.stringify(value)}`);
}

/** Every state of a definition, nested ones (Parallel branches, Map processors) included. */
export function allStates(definition: AslDefinition): Map<string, AslState> {
  const states = new Map<string, AslState>();
  const visit = (d: AslDefinition) => {
    for (const [name, state] of Object.entries(d.States)) {
      states.set(name, state);
      for (const branch of state.Branches ?? []) visit(branch);
      if (state.ItemProcessor) visit(state.ItemProcessor);
    }
  };
  visit(definition);
  return states;
}

/**
 * The Task states reached from `start` by following Next (and a Choice's first rule), in order:
 * the happy path a scan takes, descending into Parallel branches and Map processors.
 */
export function happyPath(definition: AslDefinition, start = definition.StartAt): string[] {
  const path: string[] = [];
  let name: string | undefined = start;
  const seen = new Set<string>();
  while (name !== undefined && !seen.has(name)) {
    seen.add(name);
    const state: AslState | undefined = definition.States[name];
    if (!state) break;
    if (state.Type === 'Task') path.push(name);
    for (const branch of state.Branches ?? []) path.push(...happyPath(branch));
    if (state.ItemProcessor) path.push(...happyPath(state.ItemProcessor));
    name = state.Type === 'Choice' ? state.Choices?.[0]?.Next : state.Next;
  }
  return path;
}

/** A plain stack for constructs under test. */
export function testStack(app: App = testApp()): Stack {
  return new Stack(app, 'WorkflowTest', {
    env: { account: TOKENS.account, region: TOKENS.region },
  });
}
