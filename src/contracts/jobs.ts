import { z } from "zod";

export const JobRunStateSchema = z.enum(["queued", "running", "succeeded", "failed"]);
export type JobRunState = z.infer<typeof JobRunStateSchema>;

/** A background scoring run with its progress in companies. */
export const JobRunSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    state: JobRunStateSchema,
    reason: z.string(),
    done: z.number().int(),
    total: z.number().int(),
    error: z.string().nullable(),
    queuedAt: z.iso.datetime(),
    startedAt: z.iso.datetime().nullable(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "JobRun" });
export type JobRunBody = z.infer<typeof JobRunSchema>;
