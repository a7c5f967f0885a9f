import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "./error-alert.tsx";

type LoadMoreFooterProps = {
  /** The last "Load more" failure, shown above the footer. */
  error: unknown;
  /** How many rows are shown, announced as a status. */
  summary: ReactNode;
  hasMore: boolean;
  isLoadingMore: boolean;
  onLoadMore(): void;
  className: string;
  summaryClassName: string;
};

/** The footer of a list read page by page: how many rows are shown and the "Load more" button. */
export function LoadMoreFooter({
  error,
  summary,
  hasMore,
  isLoadingMore,
  onLoadMore,
  className,
  summaryClassName,
}: LoadMoreFooterProps) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert error={error} />
      <div className={className}>
        <p className={summaryClassName} role="status">
          {summary}
        </p>
        {hasMore && (
          <button
            type="button"
            className="button button--secondary"
            disabled={isLoadingMore}
            onClick={onLoadMore}
          >
            {isLoadingMore ? t("translation:common.loading") : t("translation:common.loadMore")}
          </button>
        )}
      </div>
    </>
  );
}
