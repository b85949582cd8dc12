import { z } from 'zod';

/**
 * The file format of `.statetrail/accepted/<scope>.yaml` (DESIGN.md "Who uses it and how"), one
 * file per scope, written by merged drift PRs:
 *
 * ```yaml
 * version: 1
 * entries:
 *   - address: aws_instance.web[1]          # a changed attribute (kind omitted = changed)
 *     attribute: tags.Owner
 *     fingerprint: sha256:4f2a...            # of the accepted cloud value, see fingerprintValue
 *     reason: Owner tag set by the billing team
 *     acceptedBy: octocat
 *     until: "2027-01-01"
 *   - kind: unmanaged                       # a resource nobody codified, accepted as it is
 *     address: aws_security_group.sg-0a1b2c # <terraform type>.<cloud id>
 *     fingerprint: sha256:9c01...
 *     reason: Created by the vendor's installer
 *   - kind: missing                         # a Terraform resource gone from the cloud
 *     address: module.net.aws_subnet.private["b"]
 *     fingerprint: sha256:77be...
 *     reason: Decommissioned; the module change is pending
 * ```
 */

/** What an entry accepts: one attribute of a changed resource, or a whole resource. */
export const ACCEPTED_KINDS = ['changed', 'unmanaged', 'missing'] as const;
/** One of `ACCEPTED_KINDS`. */
export type AcceptedKind = (typeof ACCEPTED_KINDS)[number];

/** `sha256:` and 64 lower-case hex digits. */
export const FINGERPRINT = /^sha256:[0-9a-f]{64}$/;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
// A Terraform type, a dot, then the cloud id (which may hold dots itself: S3 bucket names).
const TYPE_DOT_ID = /^[A-Za-z][A-Za-z0-9_-]*\..+$/;

/**
 * The instant an `until` stops applying, in epoch milliseconds; NaN when it is not a valid
 * date. A date (`2027-01-01`) applies through the end of that day in UTC; a date-time (with `Z`
 * or an offset) applies up to that instant.
 */
export function untilInstant(until: string): number {
  const day = DATE.exec(until);
  if (day !== null) {
    const start = Date.parse(`${until}T00:00:00Z`);
    // Date.parse rolls 2027-02-30 over to March: only a date that reads back the same is valid.
    if (Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== until) return NaN;
    return start + 24 * 60 * 60 * 1000;
  }
  return DATE_TIME.test(until) ? Date.parse(until) : NaN;
}

/** One accepted drift, as the file holds it. `kind` absent means `changed`. */
export const AcceptedEntry = z
  .strictObject({
    kind: z.enum(ACCEPTED_KINDS).optional(),
    /** Terraform address (changed, missing) or `<type>.<id>` (unmanaged). */
    address: z.string().min(1),
    /** The drift report's attribute (`instance_type`, `tags.Owner`); only for `changed`. */
    attribute: z.string().min(1).optional(),
    fingerprint: z.string().regex(FINGERPRINT),
    reason: z.string().trim().min(1),
    /** Who approved: the merge records it. */
    acceptedBy: z.string().min(1).optional(),
    until: z
      .string()
      .refine((text) => !Number.isNaN(untilInstant(text)))
      .optional(),
  })
  .superRefine((entry, ctx) => {
    const kind = entry.kind ?? 'changed';
    if (kind === 'changed' && entry.attribute === undefined) {
      ctx.addIssue({ code: 'custom', path: ['attribute'], message: 'required for changed' });
    }
    if (kind !== 'changed' && entry.attribute !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['attribute'], message: 'only for changed entries' });
    }
    if (kind === 'unmanaged' && !TYPE_DOT_ID.test(entry.address)) {
      ctx.addIssue({ code: 'custom', path: ['address'], message: 'must be <type>.<id>' });
    }
  });
/** One accepted drift, as the file holds it. */
export type AcceptedEntry = z.infer<typeof AcceptedEntry>;

/** A whole `.statetrail/accepted/<scope>.yaml` file. */
export const AcceptedFile = z.strictObject({
  version: z.literal(1),
  entries: z.array(AcceptedEntry),
});
/** A whole accepted-drift file. */
export type AcceptedFile = z.infer<typeof AcceptedFile>;

/** An entry with the scope whose file holds it: entries apply only to drift in their scope. */
export interface ScopedEntry {
  /** `aws/<account>/<region>` or `k8s/<cluster>`. */
  readonly scope: string;
  readonly entry: AcceptedEntry;
}

/** The kind of an entry, `changed` when the file leaves it out. */
export function kindOf(entry: AcceptedEntry): AcceptedKind {
  return entry.kind ?? 'changed';
}
