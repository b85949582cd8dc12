/** Staging keys of one scan; every step finds the others' documents here. */
export const stagingKeys = {
  plan: (scanId: string) => `scans/${scanId}/plan.json`,
  collectPrefix: (scanId: string) => `scans/${scanId}/collect/`,
  collect: (scanId: string, targetKey: string) => `scans/${scanId}/collect/${targetKey}.json`,
  drift: (scanId: string) => `scans/${scanId}/drift.json`,
  commit: (scanId: string) => `scans/${scanId}/commit.json`,
  review: (scanId: string) => `scans/${scanId}/review.json`,
  announce: (scanId: string) => `scans/${scanId}/announce.json`,
  notify: (scanId: string) => `scans/${scanId}/notify.json`,
} as const;
