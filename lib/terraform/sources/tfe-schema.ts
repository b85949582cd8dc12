import { z } from 'zod';

// The JSON:API answers of HCP Terraform's API v2, only the fields statetrail reads.

const Relationship = z.object({
  data: z.object({ id: z.string().min(1) }).nullable(),
});

/** One workspace, as `GET /organizations/:org/workspaces/:name` and the listing return it. */
export const TfeWorkspace = z.object({
  id: z.string().min(1),
  type: z.literal('workspaces'),
  attributes: z.object({ name: z.string().min(1) }),
  relationships: z.object({ 'current-state-version': Relationship.optional() }).optional(),
});
export type TfeWorkspace = z.infer<typeof TfeWorkspace>;

/** `GET /organizations/:org/workspaces/:name`. */
export const TfeWorkspaceAnswer = z.object({ data: TfeWorkspace });

/** `GET /organizations/:org/workspaces?page[number]=N`: a page and where the next one is. */
export const TfeWorkspacePage = z.object({
  data: z.array(TfeWorkspace),
  meta: z
    .object({
      pagination: z
        .object({ 'next-page': z.number().int().positive().nullable().optional() })
        .optional(),
    })
    .optional(),
});
export type TfeWorkspacePage = z.infer<typeof TfeWorkspacePage>;

/** `GET /workspaces/:id/current-state-version`. */
export const TfeStateVersionAnswer = z.object({
  data: z.object({
    id: z.string().min(1),
    type: z.literal('state-versions'),
    attributes: z.object({
      serial: z.number().int().nonnegative().optional(),
      /** Null while the state is still being uploaded. */
      'hosted-state-download-url': z.string().min(1).nullable().optional(),
    }),
  }),
});
export type TfeStateVersionAnswer = z.infer<typeof TfeStateVersionAnswer>;
