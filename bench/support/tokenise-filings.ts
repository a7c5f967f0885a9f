import { SaxesParser } from "saxes";
import type { GeneratedFiling } from "./generate-filings.ts";

const ignore = () => {};

/**
 * The peer of the import: decode each filing's bytes as UTF-8 and run saxes (namespaces on) over them
 * with handlers that do nothing, the least any XML reader of these bytes has to do.
 */
export function tokeniseFilings(filings: readonly GeneratedFiling[]): void {
  for (const filing of filings) {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(filing.bytes);
    const parser = new SaxesParser({ xmlns: true });
    parser.on("opentag", ignore);
    parser.on("text", ignore);
    parser.on("closetag", ignore);
    parser.on("error", (error) => {
      throw error;
    });
    parser.write(text).close();
  }
}
