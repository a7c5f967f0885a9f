import { useTranslation } from "react-i18next";
import { z } from "zod";
import { apiRequest } from "../../api-client.ts";
import { useApi } from "../../use-api.ts";

const DemoCredentialsSchema = z.object({
  isDemo: z.boolean(),
  users: z.array(
    z.object({ role: z.string(), email: z.string(), password: z.string(), displayName: z.string() }),
  ),
});

/** In demo mode only: the demo accounts, one click to fill the sign-in form. */
export function DemoAccounts({ onChoose }: { onChoose(email: string, password: string): void }) {
  const { t } = useTranslation();
  const demo = useApi(() => apiRequest("/api/demo/credentials", DemoCredentialsSchema));
  if (demo.status !== "ready" || !demo.data.isDemo) return null;
  return (
    <section className="panel demo-accounts" aria-labelledby="demo-accounts-title">
      <h2 id="demo-accounts-title">{t("auth.demo.title")}</h2>
      <p>{t("auth.demo.lead", { password: demo.data.users[0]?.password ?? "" })}</p>
      <ul className="demo-accounts__list">
        {demo.data.users.map((user) => (
          <li key={user.email}>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => onChoose(user.email, user.password)}
            >
              {t(`roles.${user.role}`)}
            </button>
            <span>
              {user.displayName} · <code>{user.email}</code>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
