/**
 * The identity of a series: source, dataset and every dimension (sorted by id, each `id=code`),
 * joined by "|": `ESTAT|STS_INPR_M|freq=M|geo=AT|…`. Codes are kept as the file writes them,
 * except territory names, which arrive here already matched to their code.
 */
export function computeSeriesKey(series: {
  source: string;
  dataset: string;
  dimensions: Readonly<Record<string, string>>;
}): string {
  const dimensions = Object.entries(series.dimensions)
    .sort(([first], [second]) => (first < second ? -1 : first > second ? 1 : 0))
    .map(([id, code]) => `${escapePart(id)}=${escapePart(code)}`);
  return [escapePart(series.source), escapePart(series.dataset), ...dimensions].join("|");
}

// "|" and "=" inside a code would make two keys collide; they are written as %7C and %3D.
const escapePart = (text: string) =>
  text.replaceAll("%", "%25").replaceAll("|", "%7C").replaceAll("=", "%3D");
