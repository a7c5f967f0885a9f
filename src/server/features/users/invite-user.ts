import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import type { Logger } from "../../logging/logger.ts";
import type { Mailer } from "../../mail/mailer.ts";
import { renderEmail } from "../../mail/templates.ts";
import { insertAuditEvent } from "../audit/audit.repo.ts";
import { findUserByEmail, insertOneTimeToken } from "../auth/auth.repo.ts";
import { authPolicy } from "../auth/auth-policy.ts";
import { generateSecret, hashPassword, hashSecret } from "../auth/credentials.ts";
import type { Principal, RequestMeta } from "../auth/principal.ts";
import { sendEmail } from "../mail/send-email.ts";
import { insertUser } from "./users.repo.ts";

/** Creates an invited account and emails its holder a link to choose a password. */
export async function inviteUser(
  deps: { db: Database; clock: () => Date; mailer: Mailer; logger: Logger; baseUrl: string },
  actor: Principal,
  input: { email: string; displayName: string; locale: "it" | "en" },
  meta: RequestMeta,
): Promise<string> {
  if (await findUserByEmail(deps.db, input.email)) {
    throw new AppError("conflict", `An account with ${input.email} already exists.`, [
      { path: "body.email", message: "already used by another account" },
    ]);
  }
  const now = deps.clock();
  const token = generateSecret();
  const userId = await deps.db.transaction(async (tx) => {
    const id = await insertUser(tx, { ...input, status: "invited", passwordHash: null, at: now });
    await insertOneTimeToken(tx, {
      userId: id,
      purpose: "invitation",
      tokenHash: hashSecret(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + authPolicy.invitationLifetimeDays * 86_400_000),
    });
    await insertAuditEvent(tx, {
      occurredAt: now,
      action: "invitation.sent",
      actorUserId: actor.userId,
      actorEmail: actor.email,
      subjectUserId: id,
      ipAddress: meta.ipAddress,
      requestId: meta.requestId,
    });
    return id;
  });
  await sendInvitationEmail(deps, { ...input, inviterName: actor.displayName, token });
  return userId;
}

async function sendInvitationEmail(
  deps: { db: Database; clock: () => Date; mailer: Mailer; logger: Logger; baseUrl: string },
  invitation: { email: string; displayName: string; locale: "it" | "en"; inviterName: string; token: string },
) {
  await sendEmail(deps, {
    ...renderEmail("invitation", invitation.locale, invitation.email, {
      name: invitation.displayName,
      inviter: invitation.inviterName,
      days: String(authPolicy.invitationLifetimeDays),
      link: `${deps.baseUrl}/accept-invitation?token=${encodeURIComponent(invitation.token)}`,
    }),
    purpose: "invitation",
  });
}

/** For the CLI and the demo: an active account with a password, no email. */
export async function createUser(
  deps: { db: Database; clock: () => Date },
  input: { email: string; displayName: string; password: string; locale: "it" | "en" },
): Promise<string> {
  if (await findUserByEmail(deps.db, input.email)) {
    throw new AppError("conflict", `An account with ${input.email} already exists.`);
  }
  const passwordHash = await hashPassword(input.password);
  return insertUser(deps.db, { ...input, status: "active", passwordHash, at: deps.clock() });
}
