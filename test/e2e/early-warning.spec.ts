import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { textileStatementItems } from "../factories/textile-statement-items.ts";
import { readSavedEmails } from "../smtp-sink.ts";
import { findSeriousAccessibilityViolations, launchBrowser, saveScreenshot } from "./browser.ts";

const baseUrl = inject("baseUrl");
const seed = inject("seed");
const mailFolder = inject("mailFolder");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(email: string, locale: string): Promise<Page> {
  const context = await browser.newContext({
    locale,
    bypassCSP: true,
    viewport: { width: 1360, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.locator("input[type=email]").fill(email);
  await page.locator("input[type=password]").fill(seed.password);
  await page.locator("button[type=submit]").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.locator("#language-select").selectOption(locale.slice(0, 2));
  await page.waitForFunction((language) => document.documentElement.lang === language, locale.slice(0, 2));
  return page;
}

/** A statements spreadsheet (the template's bracketed item ids, amounts in euros) for one year. */
function statementCsv(taxCode: string, year: number, items: Record<string, number>): string {
  const itemIds = Object.keys(items);
  const header = [
    "country",
    "tax_code",
    "period_start",
    "period_end",
    "format",
    "currency",
    ...itemIds.map((id) => `[${id}]`),
  ];
  const amounts = itemIds.map((id) => (id === "averageEmployees" ? items[id] : (items[id] ?? 0) / 100));
  const row = ["IT", taxCode, `${year}-01-01`, `${year}-12-31`, "abridged", "EUR", ...amounts];
  return `${header.join(",")}\n${row.join(",")}\n`;
}

/** Imports a statements file as the administrator, through the same API the upload page uses. */
async function importStatementAsAdministrator(csv: string) {
  const context = await browser.newContext();
  try {
    const login = await context.request.post(`${baseUrl}/api/auth/login`, {
      data: { email: seed.users.administrator, password: seed.password },
    });
    expect(login.status()).toBe(200);
    const session = (await (await context.request.get(`${baseUrl}/api/auth/session`)).json()) as {
      csrfToken: string;
    };
    const response = await context.request.post(`${baseUrl}/api/statements/import-spreadsheet`, {
      headers: { "X-CSRF-Token": session.csrfToken },
      data: { fileName: "bisenzio-2025.csv", contentBase64: Buffer.from(csv).toString("base64") },
    });
    const report = (await response.json()) as { outcome: string };
    expect(response.status(), JSON.stringify(report)).toBe(200);
    return report;
  } finally {
    await context.close();
  }
}

describe("early warning: from the district dashboard to a notified change of level", () => {
  it("takes the Prato analyst from the dashboard to the deteriorating textile firms, shows what moved a score, and tells a follower by notification and email when a new statement changes the level", async () => {
    const company = seed.deterioratingCompany;
    const page = await signIn(seed.users.pratoAnalyst, "en-GB");

    await page.goto(`${baseUrl}/districts/prato-tessile`);
    await page.getByRole("heading", { level: 1, name: "Prato textile district" }).waitFor();
    await page.getByLabel("Sector (ATECO division)").selectOption({ value: "13" });
    await page.waitForURL(/sector=13/);
    await saveScreenshot(page, "district-dashboard-en");
    await page.getByRole("link", { name: "Deteriorating companies in this district" }).click();
    await page.waitForURL(/\/early-warning\?.*deteriorating=true/);
    expect(page.url()).toContain("district=prato-tessile");
    expect(page.url()).toContain("sector=13");

    const row = page.locator("table tbody tr", { hasText: company.name });
    await row.waitFor();
    expect(await row.textContent()).toContain("Deteriorating");
    expect(await row.textContent()).toContain("Orange");
    const atecoCodes = await page.locator("table tbody tr").count();
    expect(atecoCodes).toBeGreaterThan(1);
    await saveScreenshot(page, "early-warning-list-en");
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);

    await row.getByRole("link", { name: company.name }).click();
    await page.waitForURL(new RegExp(`/companies/${company.id}/risk`));
    await page.getByRole("heading", { level: 1, name: company.name }).waitFor();
    const moved = page.locator("section", {
      has: page.getByRole("heading", { name: "What moved the score" }),
    });
    await moved.waitFor();
    // The change of Z″ from 2023 to 2024, term by term, sums to the change of the score.
    expect(await moved.textContent()).toMatch(/Altman Z″ from -?\d+\.\d\d to -?\d+\.\d\d/);
    await saveScreenshot(page, "company-risk-en");

    await page.getByRole("button", { name: "Follow this company" }).click();
    await page.getByText("You follow this company").waitFor();

    const emailsBefore = readSavedEmails(mailFolder).length;
    const report = await importStatementAsAdministrator(
      statementCsv(company.taxCode, 2025, textileStatementItems("failing")),
    );
    expect(report.outcome).toBe("imported");

    // The email, sent at once (the analyst's default), names the firm and links to its risk page.
    const deadline = Date.now() + 30_000;
    let email: ReturnType<typeof readSavedEmails>[number] | undefined;
    while (!email && Date.now() < deadline) {
      email = readSavedEmails(mailFolder)
        .slice(emailsBefore)
        .find(
          (message) => message.to.includes(seed.users.pratoAnalyst) && message.subject.includes(company.name),
        );
      if (!email) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(email, "no notification email reached the SMTP sink").toBeDefined();
    expect(email?.text).toContain(`/companies/${company.id}/risk`);

    // In the app: the bell counts it, and the notification centre words it.
    await page.reload();
    await page.getByRole("link", { name: /1 unread notification/ }).click();
    await page.waitForURL(/\/notifications/);
    const item = page.locator("main li", { hasText: company.name }).first();
    await item.waitFor();
    expect(await item.textContent()).toMatch(/red/i);
    await saveScreenshot(page, "notifications-en");
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
  });
});

describe("the monitoring screens in Italian", () => {
  it("shows the district map, the dashboard, the list and a risk page in Italian, each accessible", async () => {
    const company = seed.deterioratingCompany;
    const page = await signIn(seed.users.pratoAnalystItalian, "it-IT");

    await page.goto(`${baseUrl}/districts`);
    await page.getByRole("heading", { level: 1, name: "Distretti" }).waitFor();
    await page.getByRole("heading", { name: "Mappa dei distretti" }).waitFor();
    await page.locator(".districts-map canvas, .districts-map svg").first().waitFor();
    await saveScreenshot(page, "districts-map-it");
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "Distretto tessile di Prato" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Distretto tessile di Prato" }).waitFor();
    await saveScreenshot(page, "district-dashboard-it");
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);

    await page.goto(`${baseUrl}/early-warning?district=prato-tessile&sector=13&deteriorating=true`);
    const row = page.locator("table tbody tr", { hasText: company.name });
    await row.waitFor();
    expect(await row.textContent()).toContain("In peggioramento");
    await saveScreenshot(page, "early-warning-list-it");

    await row.getByRole("link", { name: company.name }).click();
    await page.getByRole("heading", { name: "Che cosa ha mosso il punteggio" }).waitFor();
    await saveScreenshot(page, "company-risk-it");
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
  });
});

describe("downloading a list longer than the counted bound", () => {
  it("counts exactly before offering the download to a national administrator", async () => {
    const page = await signIn(seed.users.administrator, "en-GB");
    await page.goto(`${baseUrl}/early-warning`);
    // The whole demo is more companies than the list counts (1,000): the heading says so.
    await page.getByRole("heading", { level: 2, name: "More than 1,000 companies" }).waitFor();
    // The exact count is below the export's cap, so the download is offered once it is known.
    await page.getByRole("link", { name: "Download the filtered list as CSV" }).waitFor();
    expect(await page.getByText(/The file holds every company matching the filters/).count()).toBe(1);
    await page.context().close();
  });
});

describe("district series", () => {
  it("opens a series from the list and draws its chart (loaded on demand)", async () => {
    const page = await signIn(seed.users.pratoAnalyst, "en-GB");
    await page.goto(`${baseUrl}/series`);
    await page.getByRole("heading", { level: 1, name: "District series" }).waitFor();
    const first = page.locator("table tbody tr").first().getByRole("link");
    const title = (await first.textContent()) ?? "";
    await first.click();
    await page.waitForURL(/\/series\/[^/]+$/);
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    // ECharts has drawn into the chart's box.
    await page.locator(".series-chart svg").first().waitFor();
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});
