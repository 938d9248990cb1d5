/**
 * What changed, on a phone (390 px wide), in Debian's Chromium against the built site: a reader
 * finding what changed since the last meeting, with a figure beside the one before it, and a
 * councillor following a decision to where the papers report on its follow-up.
 */
import { describe, expect, it } from "vitest";
import { builtSiteBrowser } from "./built-site-browser.ts";

const open = builtSiteBrowser({ height: 844 });

describe("what changed since the last meeting, on a phone", () => {
  it("goes from the home page to the latest meeting's list: the November 2023 reports, and a new figure beside the one before it", async () => {
    const page = await open("/");
    await page.getByRole("link", { name: "What changed", exact: true }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("What changed");
    const latest = page.getByRole("region", { name: /^Up to .*28 November 2023$/ });
    expect(await latest.isVisible()).toBe(true);
    expect(await latest.getByRole("link", { name: "Education Scorecard", exact: true }).count()).toBe(1);
    const neet = latest.getByRole("listitem").filter({ hasText: "EHCP NEET" });
    expect(await neet.textContent()).toContain("85 for Autumn 1st half term 2023/24");
    const detail = await neet.locator(".change-detail").textContent();
    // The papers do not say whether fewer is better, so the page says only which way it moved.
    expect(detail).toBe("Up from 63 for Summer 2nd half term 2022/23.");
    await page.context().close();
  });

  it("opens the latest meeting's own page from the list, and an earlier meeting's from its published anchor", async () => {
    const page = await open("/changes/");
    await page.getByRole("link", { name: "This list on its own page" }).click();
    await expect.poll(() => page.url()).toMatch(/\/changes\/osc-childrens-2023-11-28\/$/);
    expect(await page.locator("h1").textContent()).toMatch(/^What changed up to .*28 November 2023$/);
    expect(
      await page.getByRole("listitem").filter({ hasText: "EHCP NEET" }).locator(".change-detail").textContent(),
    ).toBe("Up from 63 for Summer 2nd half term 2022/23.");
    await page.goto(new URL("/changes/#since-osc-childrens-2023-09-26", page.url()).href);
    const entry = page.locator("#since-osc-childrens-2023-09-26");
    expect(await entry.isVisible()).toBe(true);
    await entry.getByRole("link").click();
    await expect.poll(() => page.url()).toMatch(/\/changes\/osc-childrens-2023-09-26\/$/);
    expect(await page.getByRole("listitem").filter({ hasText: "Decision:" }).count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it("shows the follow-ups still to do, dated, and does not call one overdue whose report was tabled on time", async () => {
    const page = await open("/changes/");
    const panel = page.getByRole("region", { name: "Follow-ups still to do" });
    const due = panel.getByRole("listitem").filter({ hasText: "due 28 November 2023" });
    expect(await due.count()).toBe(1);
    expect(await due.textContent()).not.toContain("Overdue");
    expect(await due.getByRole("link", { name: /^Agenda item 9 of .*28 November 2023$/ }).count()).toBe(1);
    await page.context().close();
  });
});

describe("a councillor following a decision to its follow-up", () => {
  it("goes from the meeting to the decision, and from its follow-up to the agenda item that reports on it", async () => {
    const page = await open("/meetings/osc-childrens-2023-09-26/");
    await page.getByRole("link", { name: "Minute 26 (5) (j)", exact: true }).click();
    await expect.poll(() => page.locator("h1").textContent()).toMatch(/^Minute 26 \(5\) \(j\)/);
    await page.getByRole("link", { name: /^Agenda item 12 of .*28 November 2023$/ }).click();
    await expect.poll(() => page.url()).toMatch(/\/meetings\/osc-childrens-2023-11-28\/#item-12$/);
    const item = page.locator("#item-12");
    expect(await item.locator("h3").textContent()).toMatch(/^Item 12: Consideration of the Terms of Reference/);
    expect(await item.isVisible()).toBe(true);
    await page.context().close();
  });

  it("reaches the same agenda item from the follow-ups still to do", async () => {
    const page = await open("/changes/");
    const panel = page.getByRole("region", { name: "Follow-ups still to do" });
    await panel.getByRole("link", { name: /^Agenda item 12 of / }).click();
    await expect.poll(() => page.url()).toMatch(/\/meetings\/osc-childrens-2023-11-28\/#item-12$/);
    await page.context().close();
  });
});
