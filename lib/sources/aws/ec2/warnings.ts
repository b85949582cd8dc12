import type { ScanWarning } from '../../../model/index.js';
import type { AwsCollectorContext } from '../../collector.js';
import { classifyAwsError } from '../errors.js';

/**
 * The warning for one failed EC2 call (or a group of failed reads): operation, code and the
 * error's name, never its message, which may echo ids or values. Also logs it, statically.
 */
export function ec2Warning(
  context: AwsCollectorContext,
  operation: string,
  error: unknown,
  consequence: string,
  resourceType: string,
): ScanWarning {
  const { code, reason } = classifyAwsError(error);
  context.logger.warn('Collector failed', { resourceType, operation, code, reason });
  return {
    code,
    target: context.target,
    operation: `ec2:${operation}`,
    message: `ec2:${operation} ${code} in ${context.accountId}/${context.region} (${reason}); ${consequence}`,
  };
}
