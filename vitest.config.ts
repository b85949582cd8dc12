import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // No test may reach a real AWS endpoint or read the developer's AWS profile.
    env: {
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: '/nonexistent/statetrail-test-aws-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/statetrail-test-aws-credentials',
      AWS_PROFILE: '',
      AWS_ACCESS_KEY_ID: '',
      AWS_SECRET_ACCESS_KEY: '',
      AWS_SESSION_TOKEN: '',
      // The SDK's Node 20 notice (its releases after January 2027 need Node 22; README, "Node
      // versions") would otherwise print once per test file; the CLI silences it the same way.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
  },
});
