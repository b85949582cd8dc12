/**
 * Reads one secret's value by its Secrets Manager ARN (the config names secrets only by ARN).
 * Deployed: Powertools Parameters with caching; locally and in tests: whatever the composition
 * root passes. Callers never log, stage or render what it returns.
 */
export type ReadSecret = (arn: string) => Promise<string>;
