import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/**
 * The condition expressions the simulated DynamoDB evaluates: comparisons (`=`, `<>`, `<`, `<=`,
 * `>`, `>=`) between a top-level attribute (a bare name or a `#name`) and a `:value`, and
 * `attribute_exists` / `attribute_not_exists`, joined by `AND` (binding tighter) and `OR`.
 * Anything else (parentheses, NOT, BETWEEN, IN, other functions, document paths) is refused with
 * {@link UnsupportedConditionError}: a test must never pass on a condition nobody evaluated.
 */
export type Condition =
  | { readonly kind: 'or' | 'and'; readonly terms: readonly Condition[] }
  | { readonly kind: 'exists' | 'not_exists'; readonly name: string }
  | {
      readonly kind: 'compare';
      readonly op: Comparator;
      readonly left: Operand;
      readonly right: Operand;
    };

type Comparator = '=' | '<>' | '<' | '<=' | '>' | '>=';
type Operand = { readonly name: string } | { readonly value: string };

/** A condition the sim does not know how to evaluate: never answered as true or false. */
export class UnsupportedConditionError extends Error {
  override readonly name = 'UnsupportedConditionError';
}

/** A condition that DynamoDB itself would refuse (ValidationException). */
export class InvalidConditionError extends Error {
  override readonly name = 'InvalidConditionError';
}

const TOKEN =
  /\s*(attribute_not_exists|attribute_exists|<>|<=|>=|[=<>(),]|[#:]?[A-Za-z_][A-Za-z0-9_]*|\S)/y;
const COMPARATORS: ReadonlySet<string> = new Set(['=', '<>', '<', '<=', '>', '>=']);

function tokenize(expression: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < expression.length) {
    const match = TOKEN.exec(expression);
    if (!match?.[1]) break;
    tokens.push(match[1]);
  }
  return tokens;
}

/** The names and values an expression refers to, resolved through the request's maps. */
export interface ExpressionContext {
  readonly names?: Readonly<Record<string, string>> | undefined;
  readonly values?: Readonly<Record<string, AttributeValue>> | undefined;
}

/**
 * Parses a condition expression, checking every `#name` and `:value` it uses is defined and every
 * one defined is used, as DynamoDB does.
 */
export function parseCondition(expression: string, context: ExpressionContext): Condition {
  const tokens = tokenize(expression);
  let at = 0;
  const usedNames = new Set<string>();
  const usedValues = new Set<string>();
  const unsupported = (what: string) =>
    new UnsupportedConditionError(
      `aws sim: cannot evaluate condition "${expression}": ${what} is not simulated`,
    );
  const next = () => tokens[at++];

  const name = (token: string | undefined): string => {
    if (token === undefined || token.startsWith(':') || !/^#?[A-Za-z_]/.test(token)) {
      throw unsupported(`operand ${token ?? '(end)'}`);
    }
    if (!token.startsWith('#')) return token;
    const resolved = context.names?.[token];
    if (resolved === undefined) {
      throw new InvalidConditionError(
        `An expression attribute name used in the document path is not defined; attribute name: ${token}`,
      );
    }
    usedNames.add(token);
    return resolved;
  };
  const operand = (token: string | undefined): Operand => {
    if (token?.startsWith(':')) {
      if (context.values?.[token] === undefined) {
        throw new InvalidConditionError(
          `An expression attribute value used in expression is not defined; attribute value: ${token}`,
        );
      }
      usedValues.add(token);
      return { value: token };
    }
    return { name: name(token) };
  };
  const term = (): Condition => {
    const token = next();
    if (token === 'attribute_exists' || token === 'attribute_not_exists') {
      if (next() !== '(') throw unsupported(`${token} without (`);
      const attribute = name(next());
      if (next() !== ')') throw unsupported(`${token} with more than a top-level name`);
      return { kind: token === 'attribute_exists' ? 'exists' : 'not_exists', name: attribute };
    }
    const left = operand(token);
    const op = next();
    if (op === undefined || !COMPARATORS.has(op)) throw unsupported(`operator ${op ?? '(end)'}`);
    return { kind: 'compare', op: op as Comparator, left, right: operand(next()) };
  };
  const joined = (kind: 'and' | 'or', word: string, inner: () => Condition): Condition => {
    const terms = [inner()];
    while (tokens[at] === word) {
      at++;
      terms.push(inner());
    }
    return terms.length === 1 && terms[0] ? terms[0] : { kind, terms };
  };
  const condition = joined('or', 'OR', () => joined('and', 'AND', term));
  if (at < tokens.length) throw unsupported(`"${tokens.slice(at).join(' ')}"`);
  const unusedName = Object.keys(context.names ?? {}).find((n) => !usedNames.has(n));
  if (unusedName) {
    throw new InvalidConditionError(
      `Value provided in ExpressionAttributeNames unused in expressions: keys: {${unusedName}}`,
    );
  }
  const unusedValue = Object.keys(context.values ?? {}).find((v) => !usedValues.has(v));
  if (unusedValue) {
    throw new InvalidConditionError(
      `Value provided in ExpressionAttributeValues unused in expressions: keys: {${unusedValue}}`,
    );
  }
  return condition;
}

/** A scalar attribute as something comparable, or undefined for types the sim does not compare. */
function scalar(
  value: AttributeValue | undefined,
): { type: 'S' | 'N'; v: string | number } | undefined {
  if (value?.S !== undefined) return { type: 'S', v: value.S };
  if (value?.N !== undefined) return { type: 'N', v: Number(value.N) };
  return undefined;
}

function compare(op: Comparator, left: string | number, right: string | number): boolean {
  switch (op) {
    case '=':
      return left === right;
    case '<>':
      return left !== right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
  }
}

/** Evaluates a parsed condition against an item (undefined: no item under that key). */
export function evaluateCondition(
  condition: Condition,
  item: Readonly<Record<string, AttributeValue>> | undefined,
  values: Readonly<Record<string, AttributeValue>>,
): boolean {
  const resolve = (operand: Operand) =>
    'name' in operand ? item?.[operand.name] : values[operand.value];
  switch (condition.kind) {
    case 'or':
      return condition.terms.some((t) => evaluateCondition(t, item, values));
    case 'and':
      return condition.terms.every((t) => evaluateCondition(t, item, values));
    case 'exists':
      return item?.[condition.name] !== undefined;
    case 'not_exists':
      return item?.[condition.name] === undefined;
    case 'compare': {
      const left = scalar(resolve(condition.left));
      const right = scalar(resolve(condition.right));
      if (left === undefined || right === undefined) {
        if (resolve(condition.left) === undefined || resolve(condition.right) === undefined) {
          // A missing attribute compares false, as in DynamoDB.
          return false;
        }
        throw new UnsupportedConditionError('aws sim: compares only S and N attributes');
      }
      // Different types never compare equal (nor ordered), as in DynamoDB.
      if (left.type !== right.type) return condition.op === '<>';
      return compare(condition.op, left.v, right.v);
    }
  }
}
