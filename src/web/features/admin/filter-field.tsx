import { FormField, type FormFieldProps } from "../../components/form-field.tsx";

/** A labelled filter input with its hint below it, so a row of filters keeps its inputs aligned. */
export function FilterField(props: Omit<FormFieldProps, "hintPlacement">) {
  return <FormField {...props} hintPlacement="below" />;
}
