import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { GrantDetail, UserSummary } from "../../../contracts/users.ts";
import { apiRequest } from "../../api-client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { ModalDialog } from "../../components/modal-dialog.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { useGrantScopeText } from "./user-badges.tsx";

export function GrantTable({
  user,
  onChanged,
}: {
  user: UserSummary;
  onChanged(message: string): Promise<void>;
}) {
  const { t } = useTranslation("admin");
  const format = useFormat();
  const scopeText = useGrantScopeText();
  const [error, setError] = useState<unknown>();
  const [grantToRevoke, setGrantToRevoke] = useState<GrantDetail>();
  const [busyGrantId, setBusyGrantId] = useState<string>();
  const headingReference = useRef<HTMLHeadingElement>(null);

  async function change(grant: GrantDetail, action: "review" | "revoke") {
    setError(undefined);
    setBusyGrantId(grant.id);
    try {
      if (action === "review") {
        await apiRequest(`/api/admin/grants/${grant.id}/review`, z.undefined(), { method: "POST" });
      } else {
        await apiRequest(`/api/admin/grants/${grant.id}`, z.undefined(), { method: "DELETE" });
      }
      setGrantToRevoke(undefined);
      await onChanged(action === "review" ? t("grants.reviewed") : t("grants.revoked"));
      // The revoked row and its button are gone: keep the keyboard user in the grants section.
      if (action === "revoke") headingReference.current?.focus();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusyGrantId(undefined);
    }
  }

  return (
    <section className="panel" aria-labelledby="grants-title">
      <h2 id="grants-title" ref={headingReference} tabIndex={-1}>
        {t("grants.title")}
      </h2>
      <p className="field__hint">{t("grants.lead")}</p>
      <ErrorAlert error={grantToRevoke ? undefined : error} />
      {user.grants.length === 0 ? (
        <p className="empty-state">{t("grants.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t("grants.caption", { name: user.displayName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("grants.role")}</th>
                <th scope="col">{t("grants.scope")}</th>
                <th scope="col">{t("grants.grantedOn")}</th>
                <th scope="col">{t("grants.lastReviewedOn")}</th>
                <th scope="col">{t("translation:common.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {user.grants.map((grant) => (
                <tr key={grant.id}>
                  <th scope="row">{t(`translation:roles.${grant.role}`)}</th>
                  <td>
                    {scopeText(grant)}
                    {grant.territory && (
                      <span className="table__sub">
                        {grant.territory.code} · {t(`territoryKinds.${grant.territory.kind}`)}
                      </span>
                    )}
                    {grant.companies.length > 0 && (
                      <span className="table__sub">
                        {t("grants.companyCount", { count: grant.companies.length })}
                      </span>
                    )}
                  </td>
                  <td>
                    <time dateTime={grant.createdAt}>{format.date(grant.createdAt)}</time>
                  </td>
                  <td>
                    <time dateTime={grant.lastReviewedAt}>{format.date(grant.lastReviewedAt)}</time>
                    {grant.isReviewDue && (
                      <>
                        {" "}
                        <span className="badge badge--warning">{t("grants.reviewDue")}</span>
                      </>
                    )}
                  </td>
                  <td>
                    <div className="admin-row-actions">
                      <button
                        type="button"
                        className="button button--secondary"
                        disabled={busyGrantId === grant.id}
                        onClick={() => change(grant, "review")}
                        aria-label={t("grants.markReviewedLabel", {
                          role: t(`translation:roles.${grant.role}`),
                          scope: scopeText(grant),
                        })}
                      >
                        {t("grants.markReviewed")}
                      </button>
                      <button
                        type="button"
                        className="button button--danger"
                        disabled={busyGrantId === grant.id}
                        onClick={() => {
                          setError(undefined);
                          setGrantToRevoke(grant);
                        }}
                        aria-label={t("grants.revokeLabel", {
                          role: t(`translation:roles.${grant.role}`),
                          scope: scopeText(grant),
                        })}
                      >
                        {t("grants.revoke")}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ModalDialog
        isOpen={grantToRevoke !== undefined}
        title={t("grants.revokeTitle")}
        onClose={() => setGrantToRevoke(undefined)}
      >
        {grantToRevoke && (
          <div className="form">
            <p>
              {t("grants.revokeQuestion", {
                role: t(`translation:roles.${grantToRevoke.role}`),
                scope: scopeText(grantToRevoke),
                name: user.displayName,
              })}
            </p>
            <p className="field__hint">{t("grants.revokeNote")}</p>
            <ErrorAlert error={error} />
            <div className="form__actions">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setGrantToRevoke(undefined)}
              >
                {t("translation:common.cancel")}
              </button>
              <button
                type="button"
                className="button button--danger"
                disabled={busyGrantId === grantToRevoke.id}
                onClick={() => change(grantToRevoke, "revoke")}
              >
                {t("grants.revoke")}
              </button>
            </div>
          </div>
        )}
      </ModalDialog>
    </section>
  );
}
