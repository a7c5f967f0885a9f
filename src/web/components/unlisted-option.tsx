/**
 * Keeps a value from the address (a bookmark, a link) selectable while its list loads, or when the
 * list does not hold it; renders nothing when the value is empty or listed.
 */
export function UnlistedOption({ value, items }: { value: string; items: readonly { code: string }[] }) {
  if (!value || items.some((item) => item.code === value)) return null;
  return <option value={value}>{value}</option>;
}
