import { z } from 'zod';

/** The fields of a CloudTrail record (`CloudTrailEvent`) that attribution reads; nothing else is kept. */
export const CloudTrailRecord = z.object({
  eventTime: z.string(),
  eventName: z.string(),
  eventSource: z.string().optional(),
  readOnly: z.boolean().optional(),
  sourceIPAddress: z.string().optional(),
  userAgent: z.string().optional(),
  sessionCredentialFromConsole: z.string().optional(),
  userIdentity: z
    .object({
      type: z.string().optional(),
      arn: z.string().optional(),
      principalId: z.string().optional(),
      invokedBy: z.string().optional(),
      userName: z.string().optional(),
      sessionContext: z
        .object({
          sessionIssuer: z.object({ arn: z.string().optional() }).partial().optional(),
          sourceIdentity: z.string().optional(),
        })
        .partial()
        .optional(),
    })
    .partial()
    .default({}),
});
export type CloudTrailRecord = z.infer<typeof CloudTrailRecord>;
