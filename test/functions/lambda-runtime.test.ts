import { describe, expect, it } from 'vitest';

describe('the test run', () => {
  // .ci/run sets STATETRAIL_EXPECT_NODE_MAJOR when it reruns the suite on the Lambda runtime's
  // Node.js, so a PATH mix-up that left the forks on another Node fails loudly instead of passing.
  it('runs on the Node.js major that CI asked for', () => {
    const expected =
      process.env['STATETRAIL_EXPECT_NODE_MAJOR'] ?? process.versions.node.split('.')[0];
    expect(process.versions.node.split('.')[0]).toBe(expected);
  });
});
