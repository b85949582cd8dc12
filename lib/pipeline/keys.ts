/** Staging keys of one scan; every step finds the others' documents here. */
export const stagingKeys = {
  plan: (scanId: string) => `scans/${scanId}/plan.json`,
  /** The plan's collect inputs as one JSON array: the Distributed Map's ItemReader reads it. */
  items: (scanId: string) => `scans/${scanId}/items.json`,
  collectPrefix: (scanId: string) => `scans/${scanId}/collect/`,
  collect: (scanId: string, targetKey: string) => `scans/${scanId}/collect/${targetKey}.json`,
  drift: (scanId: string) => `scans/${scanId}/drift.json`,
  attribution: (scanId: string) => `scans/${scanId}/attribution.json`,
  commit: (scanId: string) => `scans/${scanId}/commit.json`,
  review: (scanId: string) => `scans/${scanId}/review.json`,
  /** Every scope's latest complete drift result, across scans (see latest-drift.ts). */
  latestDrift: 'latest/drift.json',
  announce: (scanId: string) => `scans/${scanId}/announce.json`,
  notify: (scanId: string) => `scans/${scanId}/notify.json`,
} as const;
