#!/usr/bin/env node
import { runCli } from './run-cli.js';

// The AWS SDK's notice that its releases after January 2027 need Node 22 is meant for whoever
// picks the SDK version, which for statetrail is us (README, "Node versions"); on a CLI whose
// standard error carries JSON-lines logs it is only noise. A user who sets the variable wins.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  isTTY: process.stderr.isTTY,
});
