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
    nextBefore: z.iso.datetime().nullable(),
  })
  .meta({ id: "Outbox" });
export type Outbox = z.infer<typeof OutboxSchema>;
