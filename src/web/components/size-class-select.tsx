import { SizeClassSchema } from "../../contracts/registry.ts";

type SizeClass = (typeof SizeClassSchema.options)[number];

type SizeClassSelectProps = {
  id: string;
  label: string;
  /** The text of the empty choice (no size class filter). */
  anyLabel: string;
  sizeClassLabel(sizeClass: SizeClass): string;
  value: SizeClass | undefined;
  onChange(sizeClass: SizeClass | undefined): void;
};

/** A filter on the company size class; the empty choice means any size. */
export function SizeClassSelect({
  id,
  label,
  anyLabel,
  sizeClassLabel,
  value,
  onChange,
}: SizeClassSelectProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ""}
        onChange={(event) => onChange(SizeClassSchema.safeParse(event.target.value).data)}
      >
        <option value="">{anyLabel}</option>
        {SizeClassSchema.options.map((size) => (
          <option key={size} value={size}>
            {sizeClassLabel(size)}
          </option>
        ))}
      </select>
    </div>
  );
}
