import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import type { Logger } from '../../lib/model/index.js';

/** The one Powertools logger of a function (service name from `POWERTOOLS_SERVICE_NAME`). */
export const powertoolsLogger = new PowertoolsLogger({ serviceName: 'statetrail' });

/**
 * The `lib/` Logger over Powertools. Details are passed only when present: Powertools treats
 * every extra argument as an item to merge, and an explicit `undefined` is not one.
 */
export function toLibLogger(logger: PowertoolsLogger): Logger {
  return {
    debug: (message, details) => (details ? logger.debug(message, details) : logger.debug(message)),
    info: (message, details) => (details ? logger.info(message, details) : logger.info(message)),
    warn: (message, details) => (details ? logger.warn(message, details) : logger.warn(message)),
    error: (message, details) => (details ? logger.error(message, details) : logger.error(message)),
  };
}

/** What `lib/` receives in this function. */
export const logger: Logger = toLibLogger(powertoolsLogger);
