import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../api-client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useApi } from "../../use-api.ts";
import { isFollowingDistrict, setDistrictFollowed } from "./district-api.ts";

/** Follow or stop following a district (notifications about its companies); a pressed toggle button. */
export function FollowDistrictToggle({ districtCode }: { districtCode: string }) {
  const { t } = useTranslation("districts");
  const following = useApi(() => isFollowingDistrict(districtCode));
  const [override, setOverride] = useState<boolean | undefined>();
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  if (following.status === "loading") return null;
  if (following.status === "error") return <ErrorAlert error={following.error} />;
  const isFollowing = override ?? following.data;
  async function toggle() {
    setIsBusy(true);
    setError(undefined);
    try {
      await setDistrictFollowed(districtCode, !isFollowing);
      setOverride(!isFollowing);
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setIsBusy(false);
    }
  }
  return (
    <>
      <button
        type="button"
        className={isFollowing ? "button" : "button button--secondary"}
        aria-pressed={isFollowing}
        disabled={isBusy}
        onClick={toggle}
      >
        {isFollowing ? t("follow.following") : t("follow.follow")}
      </button>
      <span role="status" className="visually-hidden">
        {isFollowing ? t("follow.nowFollowing") : ""}
      </span>
      {error && <ErrorAlert error={error} />}
    </>
  );
}
