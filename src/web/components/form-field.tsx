import { type InputHTMLAttributes, useId } from "react";

export type FormFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  /** The server's or the form's message for this field. */
  error?: string | undefined;
  hint?: string | undefined;
  /** Forms put the hint above the input; rows of filters below it, so their inputs line up. */
  hintPlacement?: "above" | "below";
};

/** A labelled input whose error and hint are announced with it (aria-describedby). */
export function FormField({
  label,
  error,
  hint,
  hintPlacement = "above",
  id,
  ...inputProps
}: FormFieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const describedBy = [hint ? `${inputId}-hint` : "", error ? `${inputId}-error` : ""]
    .filter(Boolean)
    .join(" ");
  const hintElement = hint && (
    <p id={`${inputId}-hint`} className="field__hint">
      {hint}
    </p>
  );
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label htmlFor={inputId}>{label}</label>
      {hintPlacement === "above" && hintElement}
      <input
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...inputProps}
      />
      {hintPlacement === "below" && hintElement}
      {error && (
        <p id={`${inputId}-error`} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
