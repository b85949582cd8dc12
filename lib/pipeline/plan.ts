import { z } from 'zod';
import { AwsService, PlannedTarget } from '../model/index.js';

/** What a scan is asked to cover (from CLI flags or the config file). */
export const ScanRequest = z.strictObject({
  scanId: z.string().regex(/^[A-Za-z0-9_-]+$/),
  regions: z.array(z.string()).default([]),
  services: z.array(AwsService).default(['ec2']),
});
export type ScanRequest = z.input<typeof ScanRequest>;

/** The targets of one scan; the other steps read it from the staging store. */
export const Plan = z.strictObject({
  version: z.literal(1),
  scanId: z.string(),
  targets: z.array(PlannedTarget),
});
export type Plan = z.infer<typeof Plan>;

/** Plans a scan: accounts x regions x services, deduplicated and sorted. Pure. */
export function plan(request: ScanRequest): Plan {
  const { scanId, regions, services } = ScanRequest.parse(request);
  const targets: PlannedTarget[] = [];
  for (const region of [...new Set(regions)].sort()) {
    for (const service of [...new Set(services)].sort()) {
      targets.push({
        key: `aws-caller-${region}-${service}`,
        target: {
          kind: 'aws',
          account: {},
          region,
          service,
          options: { userData: 'skip', keepVolatile: false },
        },
      });
    }
  }
  // Parsing the plan validates every target (region names included) before anything runs.
  return Plan.parse({ version: 1, scanId, targets });
}
