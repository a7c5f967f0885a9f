import PDFDocument from "pdfkit";
import { chartColors, type PdfDocument } from "./pdf-charts.ts";
import { toPdfText } from "./pdf-text.ts";

export type TableColumn = { header: string; width: number; align?: "left" | "right" | "center" };
/** A cell: its text, and optionally a background and a text colour (e.g. a zone). */
export type TableCell = string | { text: string; fill?: string; color?: string };

const cellPadding = 3;

function cellText(cell: TableCell | undefined): string {
  if (cell === undefined) return "";
  return toPdfText(typeof cell === "string" ? cell : cell.text);
}

/**
 * A table with a header row, cell backgrounds and wrapped text; it continues on a new page (repeating the
 * header) when a row does not fit. Returns the y below the table.
 */
export function drawTable(
  doc: PdfDocument,
  table: {
    x: number;
    y: number;
    columns: readonly TableColumn[];
    rows: readonly (readonly TableCell[])[];
    fontSize?: number;
  },
): number {
  const fontSize = table.fontSize ?? 8;
  const bottomLimit = doc.page.height - doc.page.margins.bottom;
  let y = table.y;
  const rowHeight = (cells: readonly TableCell[], font: string) => {
    doc.font(font).fontSize(fontSize);
    return (
      Math.max(
        ...table.columns.map((column, index) =>
          doc.heightOfString(cellText(cells[index]), { width: column.width - 2 * cellPadding }),
        ),
      ) +
      2 * cellPadding
    );
  };
  const drawRow = (cells: readonly TableCell[], font: string, isHeader: boolean) => {
    const height = rowHeight(cells, font);
    let x = table.x;
    table.columns.forEach((column, index) => {
      const cell = cells[index];
      const fill = isHeader ? "#f3f4f6" : typeof cell === "object" ? cell.fill : undefined;
      if (fill) doc.save().rect(x, y, column.width, height).fill(fill).restore();
      doc
        .save()
        .rect(x, y, column.width, height)
        .lineWidth(0.4)
        .strokeColor(chartColors.grid)
        .stroke()
        .restore();
      const color = typeof cell === "object" && cell.color ? cell.color : chartColors.text;
      doc.font(font).fontSize(fontSize).fillColor(color);
      doc.text(cellText(cell), x + cellPadding, y + cellPadding, {
        width: column.width - 2 * cellPadding,
        align: column.align ?? "left",
      });
      x += column.width;
    });
    y += height;
  };
  const header = table.columns.map((column) => column.header);
  drawRow(header, "Helvetica-Bold", true);
  for (const row of table.rows) {
    if (y + rowHeight(row, "Helvetica") > bottomLimit) {
      doc.addPage();
      y = doc.page.margins.top;
      drawRow(header, "Helvetica-Bold", true);
    }
    drawRow(row, "Helvetica", false);
  }
  doc.fillColor(chartColors.text);
  return y;
}

/** Builds an A4 PDF with the given drawing function and returns its bytes. */
export function renderPdf(
  draw: (doc: PdfDocument) => void,
  info: { title: string; author?: string; language: string },
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 40,
    compress: options.compress ?? true,
    lang: info.language,
    info: { Title: toPdfText(info.title), Author: info.author ?? "SECTOR", Creator: "SECTOR" },
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    try {
      draw(doc);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}
