import { CreateUserInputSchema } from "../../contracts/users.ts";
import { type Role, roles } from "../../domain/access/roles.ts";
import { parseEnv } from "../../server/config/env.ts";
import { createApiTokenForEmail } from "../../server/features/auth/api-tokens.ts";
import { resolveCompanyReferences } from "../../server/features/companies/resolve-company-references.ts";
import { withDatabase } from "../../server/features/system/with-database.ts";
import { grantRole } from "../../server/features/users/change-grants.ts";
import { findUserPage } from "../../server/features/users/find-user-page.ts";
import { createUser } from "../../server/features/users/invite-user.ts";
import { type Command, UsageError } from "../command.ts";

const operatorMeta = { ipAddress: "cli", requestId: undefined };

function operator(env: NodeJS.ProcessEnv) {
  return { userId: null, email: `cli:${env.USER ?? env.USERNAME ?? "operator"}` };
}

function requireText(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value.trim() === "") throw new UsageError(`--${name} is required.`);
  return value;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

export const usersCommand: Command = {
  name: "users",
  summary: "Create users, grant roles and list users (administration from the shell)",
  usage: "sector users create|grant|list|token [options]",
  help: [
    "sector users create --email <e> --name <full name> (--password <p> | --password-stdin) [--locale it|en]",
    "sector users grant --email <e> --role <role> [--territory <code>] [--company <id or tax code>]…",
    "sector users list [--json]",
    "sector users token --email <e> [--name <label>]   (prints a new API token for scripts and the CLI)",
    "",
    `Roles: ${roles.join(", ")}.`,
    "Administrators, analysts and committee members need --territory (a country, NUTS or district code);",
    "experts, company and worker representatives need one --company or more.",
    "Uses DATABASE_URL, else the embedded database in $SECTOR_DATA_DIR (stop the server first).",
  ],
  options: {
    email: { type: "string" },
    name: { type: "string" },
    password: { type: "string" },
    "password-stdin": { type: "boolean" },
    locale: { type: "string" },
    role: { type: "string" },
    territory: { type: "string" },
    company: { type: "string", multiple: true },
    json: { type: "boolean" },
  },
  allowPositionals: true,
  async run(values, positionals, io) {
    const [action] = positionals;
    const env = parseEnv(io.env, io.cwd);
    if (action === "create") {
      const password = values["password-stdin"] ? await readStdin() : requireText(values, "password");
      const parsed = CreateUserInputSchema.safeParse({
        email: requireText(values, "email"),
        displayName: requireText(values, "name"),
        password,
        locale: typeof values.locale === "string" ? values.locale : undefined,
      });
      if (!parsed.success) {
        throw new UsageError(
          parsed.error.issues.map((issue) => `--${String(issue.path[0])}: ${issue.message}`).join("\n"),
        );
      }
      const userId = await withDatabase(env, "sector users create", (context) =>
        createUser(context, parsed.data),
      );
      io.out(`Created ${parsed.data.email} (${userId}). Give it a role with \`sector users grant\`.`);
      return 0;
    }
    if (action === "grant") {
      const role = requireText(values, "role");
      if (!(roles as readonly string[]).includes(role))
        throw new UsageError(`Unknown role "${role}". Roles: ${roles.join(", ")}.`);
      const email = requireText(values, "email").trim().toLowerCase();
      const companyReferences = (values.company as unknown as string[] | undefined) ?? [];
      await withDatabase(env, "sector users grant", async (context) => {
        const page = await findUserPage(context, { q: email, limit: 100 });
        const user = page.items.find((item) => item.email === email);
        if (!user) throw new UsageError(`No user with email ${email}.`);
        const companies = await resolveCompanyReferences(context, companyReferences);
        const unknown = companyReferences.filter((reference) => !companies.has(reference));
        if (unknown.length > 0) throw new UsageError(`Unknown companies: ${unknown.join(", ")}.`);
        await grantRole(
          context,
          operator(io.env),
          {
            userId: user.id,
            role: role as Role,
            territoryCode: typeof values.territory === "string" ? values.territory : undefined,
            companyIds: [...companies.values()],
          },
          operatorMeta,
        );
      });
      io.out(`Granted ${role} to ${email}.`);
      return 0;
    }
    if (action === "token") {
      const email = requireText(values, "email");
      const name =
        typeof values.name === "string" && values.name.trim() ? values.name.trim() : "command line";
      const token = await withDatabase(env, "sector users token", (context) =>
        createApiTokenForEmail(context, email, name),
      );
      io.out(token.secret);
      io.err(
        `API token "${token.name}" created for ${email}. It is shown once: keep it secret (e.g. SECTOR_API_TOKEN).`,
      );
      return 0;
    }
    if (action === "list") {
      const users = await withDatabase(env, "sector users list", async (context) => {
        const all = [];
        let after: string | undefined;
        for (;;) {
          const page = await findUserPage(context, { limit: 100, after });
          all.push(...page.items);
          if (!page.nextAfter) break;
          after = page.nextAfter;
        }
        return all;
      });
      if (values.json) {
        io.out(
          JSON.stringify(
            users.map((user) => ({
              ...user,
              grants: user.grants.map(({ userId: _user, ...grant }) => grant),
            })),
            null,
            2,
          ),
        );
        return 0;
      }
      if (users.length === 0) io.out("No users yet. Create one with `sector users create`.");
      for (const user of users) {
        const grants = user.grants
          .map(
            (grant) =>
              `${grant.role}@${grant.territory?.code ?? grant.companies.map((company) => company.name).join("+")}`,
          )
          .join(", ");
        io.out(
          `${user.email.padEnd(36)} ${user.status.padEnd(8)} ${user.displayName} — ${grants || "no grants"}`,
        );
      }
      return 0;
    }
    throw new UsageError(
      action ? `Unknown action "${action}".` : "Say what to do: create, grant, list or token.",
    );
  },
};
