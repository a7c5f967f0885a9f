import { useTranslation } from "react-i18next";
import { FormField } from "../../components/form-field.tsx";
import { fieldErrorText } from "./field-errors.ts";

/** A district's names and map point as typed (coordinates stay text until sent). */
export type DistrictFieldValues = {
  nameIt: string;
  nameEn: string;
  nameLocal: string;
  latitude: string;
  longitude: string;
};

export const emptyDistrictFields: DistrictFieldValues = {
  nameIt: "",
  nameEn: "",
  nameLocal: "",
  latitude: "",
  longitude: "",
};

export const districtFieldPaths = [
  "body.nameIt",
  "body.nameEn",
  "body.nameLocal",
  "body.centroidLatitude",
  "body.centroidLongitude",
];

/** A coordinate typed with a dot or a comma; undefined when left empty, NaN when unreadable. */
export function parseCoordinate(text: string): number | undefined {
  const trimmed = text.trim().replace(",", ".");
  return trimmed === "" ? undefined : Number(trimmed);
}

export function DistrictFields({
  values,
  onChange,
  error,
}: {
  values: DistrictFieldValues;
  onChange(values: DistrictFieldValues): void;
  error: unknown;
}) {
  const { t } = useTranslation("admin");
  const nameError = (name: string) => fieldErrorText(error, `body.${name}`, t("district.nameInvalid"));
  const set = (name: keyof DistrictFieldValues) => (event: { target: { value: string } }) =>
    onChange({ ...values, [name]: event.target.value });
  return (
    <>
      <div className="admin-field-row">
        <FormField
          label={t("district.nameIt")}
          lang="it"
          required
          value={values.nameIt}
          onChange={set("nameIt")}
          error={nameError("nameIt")}
        />
        <FormField
          label={t("district.nameEn")}
          lang="en"
          required
          value={values.nameEn}
          onChange={set("nameEn")}
          error={nameError("nameEn")}
        />
      </div>
      <FormField
        label={t("district.nameLocal")}
        hint={t("district.nameLocalHint")}
        required
        value={values.nameLocal}
        onChange={set("nameLocal")}
        error={nameError("nameLocal")}
      />
      <fieldset className="admin-fieldset">
        <legend>{t("district.centroid")}</legend>
        <p className="field__hint">{t("district.centroidHint")}</p>
        <div className="admin-field-row">
          <FormField
            label={t("district.latitude")}
            inputMode="decimal"
            value={values.latitude}
            onChange={set("latitude")}
            error={fieldErrorText(error, "body.centroidLatitude", t("district.latitudeInvalid"))}
          />
          <FormField
            label={t("district.longitude")}
            inputMode="decimal"
            value={values.longitude}
            onChange={set("longitude")}
            error={fieldErrorText(error, "body.centroidLongitude", t("district.longitudeInvalid"))}
          />
        </div>
      </fieldset>
    </>
  );
}
