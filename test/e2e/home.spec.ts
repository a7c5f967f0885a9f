import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { findSeriousAccessibilityViolations, launchBrowser, saveScreenshot } from "./browser.ts";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// axe is injected as a script; the app's CSP (script-src 'self') would refuse it otherwise.
const newContext = (locale: string): Promise<BrowserContext> =>
  browser.newContext({ locale, bypassCSP: true, viewport: { width: 1280, height: 900 } });

describe("home page", () => {
  it("opens in Italian for an Italian browser, reads the server status and has no serious accessibility violation", async () => {
    const context = await newContext("it-IT");
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page
      .getByRole("heading", {
        level: 1,
        name: "Gestire insieme le crisi industriali nei distretti produttivi",
      })
      .waitFor();
    await page.getByTestId("system-status").waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("it");
    expect(await page.getByTestId("system-status").textContent()).toContain("Integrato (PGlite)");
    const installedOn = await page.getByTestId("installed-at").textContent();
    expect(installedOn).toMatch(
      /^\d{1,2} (gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre) \d{4}$/,
    );
    await saveScreenshot(page, "home-it");
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it("switches to English, formats dates in English, keeps the choice after a reload, and stays accessible", async () => {
    const context = await newContext("it-IT");
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.getByTestId("system-status").waitFor();
    await page.getByLabel("Lingua").selectOption("en");
    await page
      .getByRole("heading", {
        level: 1,
        name: "Managing industrial crises in productive districts, together",
      })
      .waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.getByTestId("installed-at").textContent()).toMatch(
      /^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/,
    );
    await page.reload();
    await page
      .getByRole("heading", {
        level: 1,
        name: "Managing industrial crises in productive districts, together",
      })
      .waitFor();
    await page.getByTestId("system-status").waitFor();
    await saveScreenshot(page, "home-en");
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});

describe("not-found page", () => {
  it.each([
    ["it-IT", "Pagina non trovata"],
    ["en-GB", "Page not found"],
  ])("shows the not-found page for an unknown address (%s)", async (locale, title) => {
    const context = await newContext(locale);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/no/such/page`);
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    expect(await page.textContent("main")).toContain("/no/such/page");
    await saveScreenshot(page, `not-found-${locale}`);
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});

describe("API reference", () => {
  it("is browsable and accessible", async () => {
    const context = await newContext("en-GB");
    const page = await context.newPage();
    await page.goto(`${baseUrl}/api/docs`);
    await page.getByRole("heading", { level: 1, name: /SECTOR API/ }).waitFor();
    expect(await page.getByRole("link", { name: /\/api\/system\/status/ }).count()).toBeGreaterThan(0);
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
