import { toneOfZone } from "./risk-labels.ts";

/** A zone, band or level as a badge: colour and words together, never colour alone. */
export function RiskBadge({ zone, children }: { zone: string | null | undefined; children: string }) {
  const tone = toneOfZone(zone);
  return <span className={`risk-badge${tone ? ` risk-badge--${tone}` : ""}`}>{children}</span>;
}
