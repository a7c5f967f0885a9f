import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Territory, TerritorySchema } from "../../../contracts/territories.ts";
import { apiRequest } from "../../api-client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { ModalDialog } from "../../components/modal-dialog.tsx";
import {
  DistrictFields,
  type DistrictFieldValues,
  districtFieldPaths,
  emptyDistrictFields,
  parseCoordinate,
} from "./district-fields.tsx";
import { formAlertMessages } from "./field-errors.ts";

function fieldsOf(district: Territory): DistrictFieldValues {
  return {
    nameIt: district.nameIt,
    nameEn: district.nameEn,
    nameLocal: district.nameLocal,
    latitude: district.centroidLatitude === null ? "" : String(district.centroidLatitude),
    longitude: district.centroidLongitude === null ? "" : String(district.centroidLongitude),
  };
}

/** Renames a district or moves its map point; emptying a coordinate removes the point. */
export function EditDistrictDialog({
  district,
  onClose,
  onSaved,
}: {
  district: Territory | undefined;
  onClose(): void;
  onSaved(district: Territory): void;
}) {
  const { t } = useTranslation("admin");
  const [values, setValues] = useState<DistrictFieldValues>(emptyDistrictFields);
  const [error, setError] = useState<unknown>();
  const [isBusy, setIsBusy] = useState(false);

  useEffect(() => {
    setError(undefined);
    if (district) setValues(fieldsOf(district));
  }, [district]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!district) return;
    setError(undefined);
    setIsBusy(true);
    const coordinate = (text: string) => {
      const value = parseCoordinate(text);
      if (value === undefined) return null;
      return Number.isNaN(value) ? text : value;
    };
    try {
      const saved = await apiRequest(
        `/api/admin/territories/${encodeURIComponent(district.code)}`,
        TerritorySchema,
        {
          method: "PATCH",
          body: {
            nameIt: values.nameIt,
            nameEn: values.nameEn,
            nameLocal: values.nameLocal,
            centroidLatitude: coordinate(values.latitude),
            centroidLongitude: coordinate(values.longitude),
          },
        },
      );
      onSaved(saved);
    } catch (caught) {
      setError(caught);
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <ModalDialog
      isOpen={district !== undefined}
      title={t("district.editTitle", { code: district?.code ?? "" })}
      onClose={onClose}
    >
      <form className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={error} messages={formAlertMessages(error, districtFieldPaths, t("checkFields"))} />
        <DistrictFields values={values} onChange={setValues} error={error} />
        <div className="form__actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t("translation:common.cancel")}
          </button>
          <button type="submit" className="button" disabled={isBusy}>
            {t("translation:common.save")}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
