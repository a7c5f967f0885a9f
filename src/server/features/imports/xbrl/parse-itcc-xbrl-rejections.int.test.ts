import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../../paths.ts";
import { parseItccXbrl, XbrlRejectedError } from "./parse-itcc-xbrl.ts";

const fixturesFolder = path.resolve(packageRoot, "../shared/fixtures/xbrl");
const animeshon2020 = fs.readFileSync(path.join(fixturesFolder, "it-animeshon-srl-2020-micro.xbrl"), "utf8");

async function expectRejection(promise: Promise<unknown>, reason: string, message: RegExp) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(XbrlRejectedError);
  expect((error as XbrlRejectedError).reason).toBe(reason);
  expect((error as XbrlRejectedError).message).toMatch(message);
}

describe(parseItccXbrl, () => {
  it("refuses a DOCTYPE with nested internal entities (billion laughs) before expanding anything", async () => {
    const levels = Array.from(
      { length: 9 },
      (_, index) => `<!ENTITY lol${index + 1} "${`&lol${index === 0 ? "" : index};`.repeat(10)}">`,
    );
    const document = `<?xml version="1.0"?>\n<!DOCTYPE xbrl [\n<!ENTITY lol "lol">\n${levels.join("\n")}\n]>\n<xbrl xmlns="http://www.xbrl.org/2003/instance">&lol9;</xbrl>`;
    await expectRejection(
      parseItccXbrl(document),
      "doctype",
      /^DOCTYPE refused \(the declaration ends on line 13\): /,
    );
  });

  it("refuses a DOCTYPE naming an external file, as a system id or as an external entity", async () => {
    const systemId = `<?xml version="1.0"?>\n<!DOCTYPE xbrl SYSTEM "file:///etc/passwd">\n<xbrl xmlns="http://www.xbrl.org/2003/instance"/>`;
    await expectRejection(
      parseItccXbrl(systemId),
      "doctype",
      /DOCTYPE refused \(the declaration ends on line 2\)/,
    );
    const externalEntity = `<!DOCTYPE xbrl [<!ENTITY secret SYSTEM "file:///etc/passwd">]><xbrl xmlns="http://www.xbrl.org/2003/instance">&secret;</xbrl>`;
    await expectRejection(
      parseItccXbrl(externalEntity),
      "doctype",
      /DOCTYPE refused \(the declaration ends on line 1\)/,
    );
  });

  it("refuses an entity reference other than the five predefined ones, with its position", async () => {
    // Line 30 of the filing holds <itcc-ci:DatiAnagraficiDenominazione …>ANIMESHON SRL</…>.
    const filing = animeshon2020.replace("ANIMESHON SRL", "ANIMESHON&nbsp;SRL");
    await expectRejection(
      parseItccXbrl(filing),
      "entity",
      /^Entity reference refused at line 30, column \d+: only &amp; &lt; &gt; &quot; &apos; and character references/,
    );
  });

  it("refuses malformed XML with the parser's line and column", async () => {
    // Line 50: <itcc-ci:TotaleAttivo contextRef="I_31-12-20" unitRef="EUR" decimals="0">122437</itcc-ci:TotaleAttivo>
    const filing = animeshon2020.replace("122437</itcc-ci:TotaleAttivo>", "122437</itcc-ci:TotaleAttiv>");
    await expectRejection(parseItccXbrl(filing), "malformed_xml", /^Malformed XML at line 50, column \d+: /);
    await expectRejection(
      parseItccXbrl(animeshon2020.slice(0, 5000)),
      "malformed_xml",
      /^Malformed XML at line/,
    );
  });

  it("refuses a file over the size limit and stops reading the stream there", async () => {
    const bytes = Buffer.from(animeshon2020, "utf8");
    let chunksRead = 0;
    let isSourceClosed = false;
    async function* chunks() {
      try {
        for (let offset = 0; offset < bytes.length; offset += 4096) {
          chunksRead += 1;
          yield new Uint8Array(bytes.subarray(offset, offset + 4096));
        }
      } finally {
        isSourceClosed = true;
      }
    }
    // 10,000 bytes allowed: chunks of 4,096 pass the limit on the third (12,288 bytes) of ten.
    await expectRejection(
      parseItccXbrl(chunks(), { maximumBytes: 10_000 }),
      "too_large",
      /^The file is larger than the limit of 10000 bytes \(read 12288 so far\); reading stopped\.$/,
    );
    expect(chunksRead).toBe(3);
    expect(isSourceClosed).toBe(true);
    await expectRejection(parseItccXbrl(animeshon2020, { maximumBytes: 38_124 }), "too_large", /38124 bytes/);
  });

  it("refuses amounts in a currency other than the euro", async () => {
    const filing = animeshon2020.replace("<measure>iso4217:EUR</measure>", "<measure>iso4217:USD</measure>");
    await expectRejection(
      parseItccXbrl(filing),
      "unit",
      /^Unit "EUR" is in USD: SECTOR reads statements in euro \(EUR\) only/,
    );
  });

  it("refuses an amount whose unit is not a currency", async () => {
    const filing = animeshon2020.replace(
      '<itcc-ci:TotaleAttivo contextRef="I_31-12-20" unitRef="EUR"',
      '<itcc-ci:TotaleAttivo contextRef="I_31-12-20" unitRef="pure"',
    );
    await expectRejection(
      parseItccXbrl(filing),
      "unit",
      /^TotaleAttivo on line 50 is an amount in unit "pure", not EUR/,
    );
  });

  it("refuses bytes that are not UTF-8 and a root element that is not an XBRL instance", async () => {
    async function* latin1() {
      yield new Uint8Array(
        Buffer.from(animeshon2020.replace("ANIMESHON SRL", "ANIMESHON S\u00e0RL"), "latin1"),
      );
    }
    await expectRejection(parseItccXbrl(latin1()), "not_utf8", /not valid UTF-8/);
    await expectRejection(parseItccXbrl("<html><body/></html>"), "not_xbrl", /root element is <html>/);
  });
});
