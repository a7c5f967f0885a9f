import { useTranslation } from "react-i18next";
import { ErrorAlert } from "./error-alert.tsx";

type ListLoadStatusProps = {
  status: "loading" | "error" | "ready";
  error: unknown;
  onRetry(): void;
  retryLabel: string;
  loadingClassName?: string | undefined;
  errorClassName?: string | undefined;
};

/** While a list's first page loads: a status line; when it fails: the error and a retry button. */
export function ListLoadStatus({
  status,
  error,
  onRetry,
  retryLabel,
  loadingClassName,
  errorClassName,
}: ListLoadStatusProps) {
  const { t } = useTranslation();
  if (status === "loading")
    return (
      <p role="status" className={loadingClassName}>
        {t("translation:common.loading")}
      </p>
    );
  if (status === "error")
    return (
      <div className={errorClassName}>
        <ErrorAlert error={error} />
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {retryLabel}
        </button>
      </div>
    );
  return null;
}
