import type { ReadSecret } from '../../lib/model/secrets.js';

/**
 * Placeholder until the deploy branch's `functions/shared/secrets.ts` (Powertools Parameters)
 * is merged: the integrator points `functions/notify.ts` at that one. Refusing here only makes
 * each notifier report that its secret could not be read; the scan goes on.
 */
export const readSecret: ReadSecret = () =>
  Promise.reject(new Error('no secrets reader is wired into this function'));
