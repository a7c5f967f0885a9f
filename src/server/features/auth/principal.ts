import type { Grant } from "../../../domain/access/roles.ts";

export type PrincipalGrant = Grant & { id: string };

/** The signed-in user of a request, with the grants in force. */
export type Principal = {
  userId: string;
  email: string;
  displayName: string;
  locale: "it" | "en";
  sessionId: string;
  csrfToken: string;
  grants: PrincipalGrant[];
};

/** Who did it, from where: passed to use cases that write the audit log. */
export type RequestMeta = { ipAddress: string | undefined; requestId: string | undefined };
