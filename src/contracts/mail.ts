import { z } from "zod";

export const OutboxSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        toAddress: z.string(),
        subject: z.string(),
        bodyText: z.string(),
        purpose: z.string(),
        status: z.enum(["outbox", "sent", "failed"]),
        createdAt: z.iso.datetime(),
      }),
    ),
    /** The next page's `before`: the last email's creation time and id (emails may share a millisecond). */
    nextBefore: z.string().nullable(),
  })
  .meta({ id: "Outbox" });
export type Outbox = z.infer<typeof OutboxSchema>;
