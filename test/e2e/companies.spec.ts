import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { packageRoot } from "../../src/server/paths.ts";
import { findSeriousAccessibilityViolations, launchBrowser, saveScreenshot } from "./browser.ts";

const baseUrl = inject("baseUrl");
const demoPassword = "sector-demo-2026";
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Signs in from the demo accounts listed on the sign-in page (demo mode). */
async function signInAsDemo(roleLabel: string, email: string, locale: string): Promise<Page> {
  const context = await browser.newContext({
    locale,
    bypassCSP: true,
    viewport: { width: 1360, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByRole("button", { name: roleLabel, exact: true }).first().waitFor();
  expect(await page.getByText(demoPassword).count()).toBeGreaterThan(0);
  await page.locator("input[type=email]").fill(email);
  await page.locator("input[type=password]").fill(demoPassword);
  await page.locator("button[type=submit]").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  // Signing in adopts the account's language; the journey chooses its own with the switcher.
  await page.locator("#language-select").selectOption(locale.slice(0, 2));
  await page.waitForFunction((language) => document.documentElement.lang === language, locale.slice(0, 2));
  return page;
}

async function rowCount(page: Page): Promise<number> {
  return page.locator("table tbody tr").count();
}

describe("the company register of the Prato textile district", () => {
  it("lets the district's analyst filter by sector and size, find a firm by a misspelt name without accents, and open its five years of statements", async () => {
    const page = await signInAsDemo("Analyst", "analyst.prato@demo.example", "en-GB");
    await page.goto(`${baseUrl}/companies?territory=prato-tessile`);
    await page.getByRole("heading", { level: 1, name: "Company register" }).waitFor();
    // The tab's title names the page, as its main heading does.
    await page.waitForFunction(() => document.title === "Company register — SECTOR");
    await page.locator("table tbody tr").first().waitFor();
    const everyFirm = await page
      .getByText(/\d[\d,]* companies/)
      .first()
      .textContent();
    expect(everyFirm).toMatch(/^6\d\d companies$/);

    await page.getByLabel("Sector (ATECO section)").selectOption("C");
    await page.getByLabel("Division").selectOption({ value: "13" });
    await page.getByLabel("Size class").selectOption("small");
    await page.waitForURL(/size=small/);
    await page.locator("table tbody tr").first().waitFor();
    const sizes = await page.locator("table tbody tr td:last-child").allTextContents();
    expect(sizes.length).toBeGreaterThan(0);
    expect(new Set(sizes)).toEqual(new Set(["Small"]));
    const sectors = await page.locator("table tbody tr td:nth-child(3)").allTextContents();
    expect(sectors.every((text) => text.startsWith("13."))).toBe(true);
    await saveScreenshot(page, "companies-filtered-en");
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);

    // "Lanificio" misspelt, typed without the accents or capitals.
    await page.goto(`${baseUrl}/companies?territory=prato-tessile`);
    await page.getByLabel("Search").fill("lanifico");
    await page.waitForURL(/q=lanifico/);
    // The best match comes first once the search has answered.
    await page
      .locator("table tbody tr")
      .first()
      .getByRole("link", { name: /^Lanificio / })
      .waitFor();
    const matches = page.locator("table tbody tr").getByRole("link");
    const names = await matches.allTextContents();
    // A demo firm (five years): the journeys' own Lanificio Pratese S.r.l. has three, and equally
    // good matches come in no fixed order.
    const demoIndex = names.findIndex(
      (text) => /^Lanificio /.test(text) && text !== "Lanificio Pratese S.r.l.",
    );
    expect(demoIndex).toBeGreaterThanOrEqual(0);
    const name = names[demoIndex] ?? "";
    await matches.nth(demoIndex).click();
    await page.getByRole("heading", { level: 1, name }).waitFor();
    const statementTable = page.getByRole("table").first();
    await statementTable.waitFor();
    const headers = (await statementTable.getByRole("columnheader").allTextContents()).slice(1);
    expect(headers.map((header) => header.slice(0, 4))).toEqual(["2020", "2021", "2022", "2023", "2024"]);
    // The demo is scored at start: the early-warning table has an alert level for every year.
    const earlyWarning = page.getByRole("region", { name: "Early warning" });
    await earlyWarning.getByRole("table").waitFor();
    const alertRow = earlyWarning.getByRole("row", { name: /Alert level/ });
    expect(
      (await alertRow.getByRole("cell").allTextContents()).every((text) =>
        /^(Red|Orange|Green|Grey)/.test(text),
      ),
    ).toBe(true);
    await saveScreenshot(page, "company-page-en");
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("looks the same in Italian", async () => {
    const page = await signInAsDemo("Analista", "analyst.prato@demo.example", "it-IT");
    await page.goto(`${baseUrl}/companies?territory=prato-tessile`);
    await page.getByRole("heading", { level: 1, name: "Anagrafica imprese" }).waitFor();
    await page.waitForFunction(() => document.title === "Anagrafica imprese — SECTOR");
    await page.locator("table tbody tr").first().waitFor();
    await saveScreenshot(page, "companies-list-it");
    await page.locator("table tbody tr").first().getByRole("link").click();
    await page.waitForURL(/\/companies\/[0-9a-f-]{36}$/);
    await page.getByRole("region", { name: "Allerta precoce" }).getByRole("table").waitFor();
    await saveScreenshot(page, "company-page-it");
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe("a company representative", () => {
  it("sees only their own company in the register", async () => {
    const page = await signInAsDemo("Rappresentante d'impresa", "company@demo.example", "it-IT");
    await page.goto(`${baseUrl}/companies`);
    await page.locator("table tbody tr").first().waitFor();
    expect(await rowCount(page)).toBe(1);
    await page.locator("table tbody tr").first().getByRole("link").click();
    await page.getByRole("table").first().waitFor();
    await page.context().close();
  });
});

describe("importing statements in the browser", () => {
  it("uploads the real XBRL filings with progress and a per-file report, then shows the imported company's scores", async () => {
    const page = await signInAsDemo("Administrator", "admin@demo.example", "en-GB");
    await page.goto(`${baseUrl}/companies/import-statements`);
    await page.getByRole("heading", { level: 1, name: "Import statements" }).waitFor();
    const fixtures = path.resolve(packageRoot, "../shared/fixtures/xbrl");
    await page
      .locator("#statement-files")
      .setInputFiles(
        ["it-animeshon-srl-2020-micro.xbrl", "it-pucci-srl-2024-ordinary.xbrl"].map((name) =>
          path.join(fixtures, name),
        ),
      );
    await page.getByText("2 of 2 files processed").waitFor();
    const outcomes = await page.locator("table tbody tr td:nth-child(2)").allTextContents();
    expect(outcomes).toEqual(["Imported", "Imported"]);
    await saveScreenshot(page, "statement-import-en");
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "PUCCI S.R.L." }).click();
    await page.getByRole("region", { name: "Early warning" }).getByRole("table").waitFor();
    await page.context().close();
  });
});
