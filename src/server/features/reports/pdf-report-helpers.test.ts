import { describe, expect, it } from "vitest";
import { extractPdfText } from "./extract-pdf-text.ts";
import { drawBarChart, drawLineChart, drawWaterfall } from "./pdf-charts.ts";
import { drawTable, renderPdf } from "./pdf-table.ts";
import { toPdfText } from "./pdf-text.ts";

const format = (value: number) => value.toFixed(2);

async function render(compress: boolean) {
  return renderPdf(
    (doc) => {
      doc.font("Helvetica-Bold").fontSize(14).text(toPdfText("Tessitura Pratese S.r.l. — Z″ 1,23"));
      drawLineChart(
        doc,
        { x: 40, y: 80, width: 300, height: 140 },
        {
          categories: ["2022", "2023", "2024"],
          series: [{ name: "Z''", values: [2.1, null, 0.9] }],
          bands: [{ from: -10, to: 1.1, color: "#fee2e2" }],
          thresholds: [{ value: 1.1, label: "distress < 1.10" }],
          formatValue: format,
        },
      );
      drawBarChart(
        doc,
        { x: 40, y: 240, width: 300, height: 120 },
        {
          bars: [
            { label: "I1", value: 3.4 },
            { label: "I2", value: -1 },
          ],
          formatValue: format,
        },
      );
      drawWaterfall(
        doc,
        { x: 40, y: 380, width: 300, height: 140 },
        {
          start: { label: "2023", value: 2 },
          steps: [
            { label: "WC/TA", delta: -0.4 },
            { label: "EBIT/TA", delta: 0.1 },
          ],
          end: { label: "2024" },
          formatValue: format,
        },
      );
      doc.y = 540;
      drawTable(doc, {
        x: 40,
        y: 540,
        columns: [
          { header: "Modello", width: 120 },
          { header: "2024", width: 80, align: "right" },
        ],
        rows: Array.from({ length: 40 }, (_, index) => [`Riga ${index}`, { text: "rosso", fill: "#fee2e2" }]),
      });
    },
    { title: "Test", language: "it-IT" },
    { compress },
  );
}

describe("PDF report helpers", () => {
  it.each([true, false])(
    "draw charts and a table that breaks across pages (compressed: %s)",
    async (compress) => {
      const pdf = await render(compress);
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const text = extractPdfText(pdf);
      expect(text).toContain("Tessitura Pratese S.r.l. — Z'' 1,23");
      expect(text).toContain("Riga 39");
      expect(text).toContain("distress < 1.10");
      // The header row is repeated on the page the table continues on.
      expect(text.split("Modello").length - 1).toBeGreaterThanOrEqual(2);
    },
  );
});
