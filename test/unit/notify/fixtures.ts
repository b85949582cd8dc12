import type { DriftReport } from '../../../lib/drift/schema.js';

/** A drift report with `changed` changed, `unmanaged` unmanaged and `missing` missing resources. */
export function sampleReport(changed = 2, unmanaged = 1, missing = 1): DriftReport {
  return {
    version: 1,
    generatedAt: '2026-12-07T10:00:00Z',
    scopes: [{ scope: 'aws/111111111111/eu-west-1', complete: true }],
    summary: {
      total: 10 + changed + unmanaged + missing,
      managed: 10,
      unmanaged,
      missing,
      changed,
      managedElsewhere: 0,
      accepted: 0,
      coverage: 0.8,
    },
    unmanaged: Array.from({ length: unmanaged }, (_, i) => ({
      type: 'aws_security_group',
      id: `sg-${i}`,
      resourceType: 'ec2/security-group',
      path: `aws/111111111111/eu-west-1/ec2/security-group/sg-${i}.yaml`,
    })),
    missing: Array.from({ length: missing }, (_, i) => ({
      address: `aws_subnet.gone[${i}]`,
      type: 'aws_subnet',
      id: `subnet-${i}`,
      state: 'prod',
    })),
    changed: Array.from({ length: changed }, (_, i) => ({
      address: `aws_instance.web[${i}]`,
      type: 'aws_instance',
      id: `i-${i}`,
      path: `aws/111111111111/eu-west-1/ec2/instance/i-${i}.yaml`,
      changes: [{ attribute: 'instance_type', state: 't3.micro', cloud: 't3.large' }],
    })),
    managedElsewhere: [],
    accepted: [],
  };
}
