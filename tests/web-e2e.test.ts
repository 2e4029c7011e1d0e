// The web site in a real browser (Debian's Chromium), on the seeded data, through the hub's public GraphQL API only:
// a partner signs in, submits (a field error first), uploads 50 activities by CSV with two bad rows; staff review
// them; the visitor sees the new totals. These tests depend on each other's data, in this order. The pages that need
// nothing from them (the visitor's pages, events, GraphiQL) are tests/web-e2e-pages.test.ts, on a hub of their own,
// so that the two workers run both at once. Every page is scanned with axe-core, and photographed into
// .tmp/screenshots with HUB_TEST_SCREENSHOTS=1 (the pages open when a test fails are, always).
import { describe, expect, it } from "vitest";
import { expectAccessible, screenshot, webStoryForThisFile } from "./support/browser.js";

const story = webStoryForThisFile();
const newPage = (viewport?: { width: number; height: number }) => story.newPage(viewport);

/** 50 rows of DVTA videos for IDoR 2020, 1,000 YouTube views each; line 18 names an edition that does not exist and
 * line 34 has a URL that is not one: the hub refuses those two, the other 48 go in. */
function csvOf50(): string {
  const header = "ref,year,kind,title,url,metric1_kind,metric1_channel,metric1_value,metric1_precision,metric1_scope";
  const rows = Array.from({ length: 50 }, (_, i) => {
    const n = i + 1;
    const year = n === 17 ? 2031 : 2020;
    const url = n === 33 ? "not a web address" : `https://dvta.de/idor/video-${n}`;
    return `dvta-video-${n},${year},VIDEO,"IDoR video ${n}, from our members",${url},VIEWS,YOUTUBE,1000,EXACT,OWN`;
  });
  return [header, ...rows].join("\r\n") + "\r\n";
}

/** The webinar's figures as the hub has them, read through the API. */
async function webinarFigures(): Promise<string[]> {
  const res = await story.hub.post(
    `{ activities(filter: { societySlug: "dvta", kind: WEBINAR }, first: 5) { edges { node { title metrics { kind channel value } } } } }`,
    {},
    story.partnerKey,
  );
  const node = res.body.data.activities.edges.map((e: { node: { title: string } }) => e.node).find((n: { title: string }) => n.title.startsWith("DVTA webinar"));
  return node.metrics.map((m: { kind: string; channel: string | null; value: number }) => `${m.kind} ${m.channel ?? "all"} ${m.value}`);
}

describe("the IDoR web site in Chromium: a partner's submissions through staff review to the visitor", { timeout: 240_000 }, () => {
  it("lets a partner sign in and submit: a field error first, then the activity waits for review", async () => {
    const page = await newPage();
    await page.goto(`${story.base}/partner`);
    await expectAccessible(page, "the sign-in page");
    await page.getByLabel("API key").fill(story.partnerKey);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Partner portal · DVTA" }).waitFor();
    expect(await page.evaluate("sessionStorage.length")).toBe(1);
    expect(await page.evaluate("localStorage.getItem('idor-hub.api-key')")).toBeNull();

    await page.getByLabel("Edition", { exact: true }).selectOption("2020");
    await page.getByLabel("Kind of activity").selectOption("WEBINAR");
    await page.getByLabel("Title", { exact: true }).fill("DVTA webinar: radiographers against COVID-19");
    await page.getByLabel("Web address (URL)").fill("dvta dot de");
    const figure = page.getByRole("group", { name: "Figure 1" });
    await figure.getByLabel("Counts").selectOption("VIEWS");
    await figure.getByLabel("Channel").selectOption("WEBSITE");
    await figure.getByLabel("Value").fill("500");
    await page.getByRole("button", { name: "Submit for review" }).click();

    const urlError = page.locator('.field-error[data-field="url"]');
    await urlError.waitFor();
    expect(await urlError.textContent()).toMatch(/URL|http/i);
    expect(await page.getByLabel("Web address (URL)").getAttribute("aria-invalid")).toBe("true");
    await screenshot(page, "05-partner-field-error");
    await expectAccessible(page, "the partner form with an error");

    await page.getByLabel("Web address (URL)").fill("https://www.dvta.de/idor-2020");
    await page.getByRole("button", { name: "Submit for review" }).click();
    await page.getByText("was submitted and waits for ESR's review").waitFor();
    await page.getByTestId("partner-activities").getByText("DVTA webinar: radiographers against COVID-19").waitFor();

    // Its figures change: one changed, one added that the hub refuses next to its value, then corrected.
    await page.getByRole("button", { name: "Edit DVTA webinar: radiographers against COVID-19" }).click();
    const edit = page.locator("section", { has: page.locator("#edit-heading") });
    await edit.getByRole("group", { name: "Figure 1" }).getByLabel("Value").fill("650");
    await edit.getByRole("button", { name: "Add a figure" }).click();
    const added = edit.getByRole("group", { name: "Figure 2" });
    await added.getByLabel("Counts").selectOption("VIEWS");
    await added.getByLabel("Value").fill("100");
    await edit.getByRole("button", { name: "Save changes" }).click();
    const refused = edit.locator('.field-error[data-field="metrics.1.value"]');
    await refused.waitFor();
    expect(await refused.textContent()).toContain("smaller than the activity's own VIEWS on WEBSITE");
    expect(await added.getByLabel("Value").getAttribute("aria-invalid")).toBe("true");
    await screenshot(page, "05b-partner-figure-error");
    await expectAccessible(page, "the edit form with a figure refused");
    expect(await webinarFigures()).toEqual(["VIEWS WEBSITE 500"]);
    await added.getByLabel("Value").fill("800");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("“DVTA webinar: radiographers against COVID-19” was updated (submitted).").waitFor();
    expect(await webinarFigures()).toEqual(["VIEWS all 800", "VIEWS WEBSITE 650"]);

    // And one removed again: the all-channels figure comes first.
    await page.getByTestId("partner-activities").getByText("800 views").waitFor();
    await page.getByRole("button", { name: "Edit DVTA webinar: radiographers against COVID-19" }).click();
    await edit.getByRole("button", { name: "Remove figure 1" }).click();
    await expect.poll(() => edit.getByRole("group", { name: /^Figure \d/ }).count()).toBe(1);
    await edit.getByRole("button", { name: "Save changes" }).click();
    // The same message as the save before stands on the page already: wait for the form to close instead.
    await page.locator("#edit-heading").waitFor({ state: "detached" });
    expect(await webinarFigures()).toEqual(["VIEWS WEBSITE 650"]);
  });

  it("lets a partner upload 50 activities by CSV: two rows refused with their reasons, 48 pending", async () => {
    const page = await newPage();
    await page.goto(`${story.base}/partner`);
    await page.evaluate(`sessionStorage.setItem("idor-hub.api-key", ${JSON.stringify(story.partnerKey)})`);
    await page.reload();
    await page.getByLabel("CSV file").setInputFiles({ name: "dvta-videos.csv", mimeType: "text/csv", buffer: Buffer.from(csvOf50()) });
    const result = page.getByTestId("csv-result");
    await result.getByText("48 of 50 rows submitted").waitFor();
    expect(await page.locator("#csv-progress").getAttribute("value")).toBe("50");
    const refused = page.locator(".row-errors tbody tr");
    expect(await refused.count()).toBe(2);
    expect(await refused.nth(0).textContent()).toMatch(/^18IDoR video 17.*year/);
    expect(await refused.nth(1).textContent()).toMatch(/^34IDoR video 33.*url/);
    await page.getByTestId("partner-counts").getByText("49 waiting for review").waitFor();
    await screenshot(page, "06-partner-csv-upload");
    await screenshot(page.locator("section", { has: page.locator("#csv-heading") }), "readme-partner-csv-upload");
    await expectAccessible(page, "the partner portal after an upload");

    // The same file again writes nothing new: every row keeps its idempotency key.
    await page.getByLabel("CSV file").setInputFiles({ name: "dvta-videos.csv", mimeType: "text/csv", buffer: Buffer.from(csvOf50()) });
    await result.getByText("48 of 50 rows submitted").waitFor();
    const count = await story.hub.post(`{ activities(filter: { societySlug: "dvta", awaitingReview: true }) { totalCount } }`, {}, story.partnerKey);
    expect(count.body.data.activities.totalCount).toBe(49);
  });

  it("lets staff review the queue with a before/after table, approve, and manage keys, the log and reports", { timeout: 420_000 }, async () => {
    const page = await newPage();
    page.on("dialog", (d) => void d.accept());
    await page.goto(`${story.base}/staff`);
    await page.getByLabel("API key").fill(story.staffKey);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("queue-count").getByText("49 waiting; 1–25 shown (page 1).").waitFor();
    await screenshot(page, "07-staff-review-queue");
    await expectAccessible(page, "the review queue");
    // Paged along the connection, by keyboard: the form's webinar, the oldest, is on the second page.
    const pager = page.getByRole("navigation", { name: "Pages of the review queue (top)" });
    await pager.getByRole("button", { name: "Next 25" }).focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("queue-count").getByText("49 waiting; 26–49 shown (page 2).").waitFor();
    await page.getByRole("heading", { name: "DVTA webinar: radiographers against COVID-19" }).waitFor();
    expect(await pager.getByRole("button", { name: "Next 25" }).isDisabled()).toBe(true);
    await screenshot(page, "07b-staff-review-queue-page-2");
    await expectAccessible(page, "the review queue's second page");
    await pager.getByRole("button", { name: "Previous 25" }).focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("queue-count").getByText("49 waiting; 1–25 shown (page 1).").waitFor();
    await page.getByRole("button", { name: "Approve all 25 shown" }).click();
    await page.getByText("Approved 25 of 25.").waitFor({ timeout: 90_000 });
    await page.getByTestId("queue-count").getByText("24 waiting.").waitFor();
    // The form's submission is the oldest in the queue: a new one, so its table has nothing before.
    const webinar = page.locator("article", { has: page.getByRole("heading", { name: "DVTA webinar: radiographers against COVID-19" }) });
    await webinar.getByText(/^New submission/).click();
    const diff = await webinar.locator("table.diff").textContent();
    expect(diff).toContain("A new submission");
    expect(diff).toContain("650 views (Website)");
    await webinar.getByRole("button", { name: /^Approve/ }).click();
    await page.getByText("Approved 1 of 1.").waitFor();
    await page.getByRole("button", { name: "Approve all 23 shown" }).click();
    await page.getByText("Nothing waits for review.").waitFor({ timeout: 90_000 });

    await page.getByRole("link", { name: "API keys" }).click();
    await page.getByLabel("For whom (label)").fill("SoR web team");
    await page.getByLabel("Society").selectOption("sor");
    await page.getByRole("button", { name: "Issue key" }).click();
    const secret = await page.getByTestId("new-secret").locator(".secret").textContent();
    expect(secret).toMatch(/^idor_[A-Za-z0-9]{8}_/);
    const prefix = secret!.slice(0, 13);
    await page.getByTestId("api-keys").getByText("SoR web team").waitFor();
    await expectAccessible(page, "the API keys page");
    await page.getByRole("button", { name: `Revoke ${prefix} (SoR web team)` }).click();
    await page.getByText(`Revoked ${prefix}.`).waitFor();
    expect((await story.hub.post("{ viewer { role } }", {}, secret!)).status).toBe(401);

    await page.getByRole("link", { name: "Audit log" }).click();
    await page.getByTestId("audit-log").getByText("apiKey.revoke").first().waitFor();
    await page.getByLabel("Only the action").fill("activity.approve");
    await page.getByTestId("audit-log").getByText(/^49 entries/).waitFor();
    await screenshot(page, "08-staff-audit-log");
    await expectAccessible(page, "the audit log");

    await page.getByRole("link", { name: "Reports" }).click();
    await page.getByLabel("Edition", { exact: true }).selectOption("2020");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download Markdown" }).click()]);
    expect(download.suggestedFilename()).toBe("idor-2020.md");
    await expectAccessible(page, "the reports page");
  });

  it("shows the visitor the new totals and the new society in the 2020 chart", async () => {
    const page = await newPage();
    await page.goto(`${story.base}/editions/2020`);
    const figures = page.getByTestId("headline-figures");
    await expect.poll(() => figures.textContent()).toContain("48,650 views");
    expect(await figures.textContent()).toContain("more than 4.4 million impressions");
    await page.getByLabel("Figure", { exact: true }).selectOption("VIEWS");
    const bySociety = page.getByTestId("chart-by-society");
    // The tables sit in closed disclosures (hidden from roles until opened): look for the rows themselves.
    await bySociety.locator("tbody th", { hasText: "DVTA" }).waitFor({ state: "attached" });
    expect(await bySociety.locator("tbody").textContent()).toContain("48,650");
    const byChannel = page.getByTestId("chart-by-channel");
    expect(await byChannel.locator("tbody").textContent()).toMatch(/YouTube48,000.*Website650/);
    await page.getByTestId("edition-activities").getByText("DVTA webinar: radiographers against COVID-19").waitFor();
    await screenshot(page, "09-visitor-edition-2020-after-review");
    // The README's pictures (docs/screenshots, copied by hand from a run with HUB_TEST_SCREENSHOTS=1 when the pages
    // change): small, one screen each.
    await page.setViewportSize({ width: 1024, height: 1000 });
    await page.getByTestId("chart-by-society").locator("canvas").waitFor();
    await screenshot(page, "readme-edition-2020", { fullPage: false });
  });
});
