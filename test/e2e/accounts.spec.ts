import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { findSeriousAccessibilityViolations, launchBrowser, saveScreenshot } from "./browser.ts";

const baseUrl = inject("baseUrl");
const seed = inject("seed");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signedInPage(email: string, locale = "en-GB"): Promise<Page> {
  const context = await browser.newContext({
    locale,
    bypassCSP: true,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.locator("input[type=email]").fill(email);
  await page.locator("input[type=password]").fill(seed.password);
  await page.locator("button[type=submit]").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return page;
}

describe("the out-of-scope protocol", () => {
  const reason = "Supplier of three Prato firms followed by the crisis table";

  it("lets an analyst state a reason to see a company outside her scope, and shows her its statements", async () => {
    const page = await signedInPage(seed.users.pratoAnalyst);
    await page.goto(`${baseUrl}/companies/${seed.bresciaCompanyId}`);
    await page.getByRole("heading", { level: 1, name: seed.bresciaCompanyName }).waitFor();
    await page.getByRole("button", { name: "State a reason to see the data" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Reason").fill("too short");
    expect(await dialog.getByRole("button", { name: "Open the access" }).isDisabled()).toBe(true);
    await dialog.getByLabel("Reason").fill(reason);
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Open the access" }).click();
    const table = page.getByRole("table").first();
    await table.waitFor();
    expect(await table.getByRole("columnheader").allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining("2022"), expect.stringContaining("2024")]),
    );
    await saveScreenshot(page, "company-out-of-scope-en");
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("shows the administrator that access, with its reason, in the audit log", async () => {
    const page = await signedInPage(seed.users.administrator, "it-IT");
    await page.goto(`${baseUrl}/admin/audit`);
    await page.getByText(reason).first().waitFor();
    expect(await page.getByText(seed.users.pratoAnalyst).count()).toBeGreaterThan(0);
    expect(await page.getByText(seed.bresciaCompanyName).count()).toBeGreaterThan(0);
    await saveScreenshot(page, "audit-log-it");
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe("background work", () => {
  it("shows the administrator the scoring runs and lets her queue a full rescore", async () => {
    const page = await signedInPage(seed.users.administrator);
    await page.goto(`${baseUrl}/admin/jobs`);
    await page.getByRole("heading", { level: 1, name: "Background work" }).waitFor();
    await page.getByRole("button", { name: "Score everything again" }).click();
    await page.getByText("Scoring run queued.").waitFor();
    await page.getByText("rescore requested").first().waitFor();
    // The newest run is the rescore: wait until it is done (the page refreshes itself while it runs).
    const newest = page.locator("table tbody tr").first();
    await newest.getByText("Done").waitFor({ timeout: 120_000 });
    expect(await newest.textContent()).toMatch(/rescore requested/);
    await saveScreenshot(page, "admin-jobs-en");
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe("granting a company-scoped role", () => {
  it("lets the administrator find the company by name instead of typing its identifier", async () => {
    const page = await signedInPage(seed.users.administrator);
    await page.goto(`${baseUrl}/admin/users`);
    await page.getByLabel("Search by name or email").fill("newcomer");
    await page.getByRole("link", { name: "Nina Nuova" }).click();
    await page.getByRole("heading", { level: 1, name: "Nina Nuova" }).waitFor();
    await page.getByLabel("Role").selectOption("company_representative");
    await page.getByLabel("Find a company").fill("rubinetterie bresciane");
    const add = page.getByRole("button", { name: new RegExp(`^Add ${seed.bresciaCompanyName} \\(`) });
    await add.waitFor();
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, "grant-company-picker-en");
    await add.click();
    expect(await page.getByLabel("Company identifiers").inputValue()).toBe(seed.bresciaCompanyId);
    // Listed once: the button says so and cannot add it twice.
    expect(
      await page
        .getByRole("button", { name: new RegExp(`^Add ${seed.bresciaCompanyName} \\(`) })
        .isDisabled(),
    ).toBe(true);
    await page.getByRole("button", { name: "Add the grant" }).click();
    await page.getByText("1 company").waitFor();
    expect(await page.getByRole("row", { name: /Company representative/ }).count()).toBe(1);
    await page.context().close();
  });
});

describe("granting a company-scoped role in Italian", () => {
  it("offers the same search, in Italian", async () => {
    const page = await signedInPage(seed.users.administrator, "it-IT");
    await page.locator("#language-select").selectOption("it");
    await page.goto(`${baseUrl}/admin/users`);
    await page.getByLabel("Cerca per nome o email").fill("newcomer");
    await page.getByRole("link", { name: "Nina Nuova" }).click();
    await page.getByLabel("Ruolo").selectOption("company_representative");
    await page.getByLabel("Cerca un'impresa").fill("rubinetterie bresciane");
    await page
      .getByRole("button", { name: new RegExp(`^Aggiungi ${seed.bresciaCompanyName} \\(`) })
      .waitFor();
    // The title reads the heading as it is read out, the status badge included.
    await page.waitForFunction(() => document.title === "Nina Nuova Attivo — SECTOR");
    await saveScreenshot(page, "grant-company-picker-it");
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe("a company representative", () => {
  it("sees the not-found page when typing another company's address", async () => {
    const page = await signedInPage(seed.users.pratoRepresentative);
    await page.goto(`${baseUrl}/companies/${seed.pratoCompanyId}`);
    await page.getByRole("heading", { level: 1, name: "Lanificio Pratese S.r.l." }).waitFor();
    await page.getByRole("table").first().waitFor();
    await page.goto(`${baseUrl}/companies/${seed.bresciaCompanyId}`);
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    expect(await page.getByText(seed.bresciaCompanyName).count()).toBe(0);
    await page.context().close();
  });
});

describe("signing in", () => {
  it("says what is wrong in the user's language and stays accessible", async () => {
    const context = await browser.newContext({ locale: "it-IT", bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel("Email").fill(seed.users.administrator);
    await page.getByLabel("Password").fill("not the right password");
    await page.getByRole("button", { name: "Accedi", exact: true }).click();
    await page.getByRole("alert").getByText("L'email o la password non sono corrette.").waitFor();
    await saveScreenshot(page, "login-error-it");
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
