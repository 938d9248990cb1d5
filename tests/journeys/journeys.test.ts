/**
 * The main journeys, in Debian's Chromium against the built site: a family finding the
 * speech and language waiting-time chart, a councillor following a decision's link,
 * a search, and the decisions log's filters.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { builtSiteBrowser } from "./built-site-browser.ts";

const open = builtSiteBrowser();

describe("a parent looking for speech and language therapy waits", () => {
  it("gets from the home page to the chart and its table", async () => {
    const page = await open("/");
    await page.getByRole("link", { name: "Indicators", exact: true }).click();
    await page
      .getByRole("link", { name: /speech and language therapy/i })
      .first()
      .click();
    await expect.poll(() => page.locator("h1").textContent()).toMatch(/speech and language therapy/i);
    const figure = page.locator("figure.chart").first();
    const chart = figure.locator(".chart-svg--narrow svg");
    expect(await chart.getAttribute("role")).toBe("img");
    expect(await chart.locator("title").textContent()).toMatch(/speech and language therapy/i);
    const table = figure.locator("table");
    expect(await table.isVisible()).toBe(true);
    expect(await table.textContent()).toContain("25 weeks");
    await page.context().close();
  });

  it("reads the same chart and table with JavaScript switched off", async () => {
    const page = await open("/kpis/kpi-5-4/", { javaScriptEnabled: false });
    expect(await page.locator("figure.chart table").textContent()).toContain("November 2019");
    expect(await page.locator("#status").textContent()).toContain("Where it stands");
    await page.context().close();
  });
});

describe("a parent on a phone (390 × 844) asking 'is it getting better?'", () => {
  const phone = { width: 390, height: 844 };
  /** Whether an element's top is on the screen the reader is looking at. */
  const onScreen = (page: Page, selector: string) =>
    page.locator(selector).evaluate((el) => {
      const top = el.getBoundingClientRect().top;
      return top >= 0 && top < window.innerHeight;
    });

  it("reaches the speech and language therapy wait, its figure, date and trend, in two clicks", async () => {
    const page = await open("/", phone);
    await page.getByRole("link", { name: "Waiting for therapy", exact: true }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe("#topic-waiting-for-therapy");
    expect(await onScreen(page, "#topic-waiting-for-therapy")).toBe(true);
    const group = page.locator("section", { has: page.locator("#topic-waiting-for-therapy") });
    expect(await group.textContent()).toContain(
      "last reported 25 weeks for November 2019. From the SEND Improvement Plan (2019), which has been replaced.",
    );
    await group.getByRole("link", { name: /^KPI 5\/4: Average wait for speech and language therapy$/ }).click();
    await expect
      .poll(() => page.locator("h1").textContent())
      .toBe("KPI 5/4: Average wait for speech and language therapy");
    expect(await page.locator("section:has(> #status)").textContent()).toContain("Target met for November 2019");
    expect(await page.locator("section:has(> #status)").textContent()).toContain(
      "Last reported for November 2019; the plan it measured has been replaced",
    );
    const chart = page.locator("figure.chart").first();
    expect(await chart.locator("svg[role=img]:visible").count()).toBe(1);
    expect(await chart.locator("table").textContent()).toContain("November 201925 weeks");
    // The report's own verdict stands beside the rule's, and the topic leads back to the other measures.
    expect(await page.locator("section:has(> #status)").textContent()).toContain("The report said: not on track");
    await page.locator("#about ~ dl").getByRole("link", { name: "Waiting for therapy", exact: true }).click();
    await expect
      .poll(() => new URL(page.url()).pathname + new URL(page.url()).hash)
      .toBe("/kpis/#topic-waiting-for-therapy");
    await page.context().close();
  });

  it("sees the newest EHC timeliness figure and its period on the home page, and its page in one click", async () => {
    const page = await open("/", phone);
    const card = page.locator(".kpi-card", {
      has: page.getByRole("link", { name: /assessments finished within 20 weeks \(2023\)/ }),
    });
    expect(await card.locator(".kpi-card__figure").textContent()).toMatch(
      /^\s*39\.2% for 2023\s*\(provisional: it may change\)\s*$/,
    );
    expect(await card.locator(".meta").textContent()).toBe(
      "Latest figure for 2023 (year to date, provisional). The next would be due by 31 March 2025 (our estimate from how often it is reported; the papers set no date).",
    );
    expect(await card.locator(".spark svg").isVisible()).toBe(true);
    await card.getByRole("link").click();
    await expect.poll(() => page.locator("h1").textContent()).toMatch(/within 20 weeks \(2023\)$/);
    expect(await page.locator("section:has(> #status)").textContent()).toContain(
      "Latest figure for 2023 (year to date, provisional).",
    );
    expect(await page.locator("figure.chart table").first().textContent()).toContain("202339.2% (provisional)");
    await page.context().close();
  });

  it("follows a count of actions to the list of exactly those actions", async () => {
    const page = await open("/", phone);
    await page.getByRole("link", { name: "2 At risk" }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe("#status-at-risk");
    expect(await onScreen(page, "#status-at-risk")).toBe(true);
    expect(await page.locator("#status-at-risk + ul > li").count()).toBe(2);
    await page.context().close();
  });

  it("follows a count of current figures to the list of exactly those measures", async () => {
    const page = await open("/", phone);
    await page.getByRole("link", { name: "5 For context (no target)" }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe("#status-context");
    expect(await page.locator("div:has(> #status-context) li").count()).toBe(5);
    await page.context().close();
  });

  it("opens the indicators page's topics from one control that leaves the first measures on the first screen", async () => {
    const page = await open("/kpis/", phone);
    expect(await page.getByRole("link", { name: "Waiting for therapy" }).first().isVisible()).toBe(false);
    expect(await onScreen(page, "#current")).toBe(true);
    await page.getByText("Show measures by topic or by status").click();
    await page.getByRole("link", { name: "School attendance" }).first().click();
    await expect.poll(() => new URL(page.url()).hash).toBe("#topic-school-attendance");
    expect(await onScreen(page, "#topic-school-attendance")).toBe(true);
    await page.context().close();
  });
});

describe("a councillor citing a decision", () => {
  it("lands on the decision from its pasted link and can copy it", async () => {
    const page = await open("/decisions/osc-childrens-2023-09-26-19/");
    expect(await page.locator("h1").textContent()).toMatch(/^Minute 19/);
    const permalink = page.locator("a[data-copy-link]");
    expect(await permalink.getAttribute("href")).toBe("/decisions/osc-childrens-2023-09-26-19/");
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.getByRole("button", { name: "Copy link" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toBe("Link copied");
    await page.context().close();
  });

  it("lands on an action's status as it stood in a given report version", async () => {
    const page = await open("/reports/send-progress-report-2020/v1/#action-send-improvement-plan-1-2", { width: 1000 });
    const item = page.locator("#action-send-improvement-plan-1-2");
    expect(await item.locator("h3").textContent()).toContain("Action 1.2");
    expect(await item.isVisible()).toBe(true);
    await page.context().close();
  });
});

describe("search", () => {
  it('finds the speech and language waiting-time KPI for "speech and language", and keeps the query in the URL', async () => {
    const page = await open("/search/");
    await page.getByLabel(/Search reports/).fill("speech and language");
    await page.getByRole("button", { name: "Search" }).click();
    await expect
      .poll(() => page.locator("#search-status").textContent(), { timeout: 10_000 })
      .toMatch(/\d+ results? for/);
    expect(await page.locator("#search-results a").allTextContents()).toContainEqual(expect.stringMatching(/KPI 5\/4/));
    expect(new URL(page.url()).searchParams.get("q")).toBe("speech and language");
    await page.context().close();
  });

  it("says how many results there are and loads them five at a time, moving focus to the first new one", async () => {
    const page = await open("/search/?q=speech+and+language");
    await expect
      .poll(() => page.locator("#search-status").textContent(), { timeout: 10_000 })
      .toMatch(/^\d+ results for “speech and language”; showing 5\.$/);
    expect(await page.locator("#search-results > li").count()).toBe(5);
    await page.getByRole("button", { name: "Show more results" }).click();
    await expect.poll(() => page.locator("#search-results > li").count()).toBe(10);
    expect(
      await page.evaluate(
        () => document.activeElement?.closest("li") === document.querySelectorAll("#search-results > li")[5],
      ),
    ).toBe(true);
    await page.context().close();
  });

  it("finds a decision's words once, on the decision's own page, not again on each page that lists it", async () => {
    // In quotes, a phrase: only pages with these words in this order.
    const page = await open(
      `/search/?q=${encodeURIComponent('"advised of the outcome of discussions in due course"')}`,
    );
    await expect.poll(() => page.locator("#search-status").textContent(), { timeout: 10_000 }).toMatch(/results? for/);
    const results = page.locator("#search-results > li");
    expect(await results.locator(".result-type").allTextContents()).toEqual(["Decision"]);
    expect(await results.locator("a").first().getAttribute("href")).toMatch(
      /^\/decisions\/osc-childrens-2023-09-26-19\//,
    );
    await page.context().close();
  });

  it("restores a shared search from its URL", async () => {
    const page = await open("/search/?q=petition&type=Decision");
    await expect.poll(() => page.locator("#search-status").textContent(), { timeout: 10_000 }).toMatch(/results? for/);
    const types = await page.locator("#search-results .result-type").allTextContents();
    expect(types.length).toBeGreaterThan(0);
    expect(types.every((t) => t === "Decision")).toBe(true);
    await page.context().close();
  });
});

describe("search on a phone (390 × 844)", () => {
  const phone = { width: 390, height: 844 };
  /** The result for KPI 5/4 once a search for `q` has finished. */
  const search = async (q: string) => {
    const page = await open("/search/", phone);
    await page.getByLabel(/Search reports/).fill(q);
    await page.getByRole("button", { name: "Search" }).click();
    await expect.poll(() => page.locator("#search-status").textContent(), { timeout: 30_000 }).toMatch(/results? for/);
    const heading = page.locator("h2 a", { hasText: /^KPI 5\/4: Average wait for speech and language therapy$/ });
    return { page, result: page.locator("#search-results > li", { has: heading }) };
  };

  it('finds the speech and language therapy indicator for "SLT", with its latest figure and date', async () => {
    const { page, result } = await search("SLT");
    await expect.poll(() => result.count()).toBe(1);
    expect(await result.locator(".result-type").textContent()).toBe("Indicator");
    expect(await result.locator(".meta").textContent()).toBe("Indicator · Updated November 2019");
    expect(await result.locator(".result-figure").textContent()).toBe("Latest figure: 25 weeks, November 2019");
    await page.context().close();
  });

  it('finds the same indicator for "speech and language"', async () => {
    const { page, result } = await search("speech and language");
    await expect.poll(() => result.count()).toBe(1);
    await page.context().close();
  });

  it("shows the first result on the first screen, with the filters folded behind one control", async () => {
    const { page } = await search("SLT");
    expect(await page.getByRole("combobox", { name: "Type" }).isVisible()).toBe(false);
    const top = await page
      .locator("#search-results > li")
      .first()
      .evaluate((li) => li.getBoundingClientRect().top);
    expect(top).toBeLessThan(844);
    await page.getByText("Filter results").click();
    expect(await page.getByRole("combobox", { name: "Type" }).isVisible()).toBe(true);
    await page.context().close();
  });

  it("opens the filters when a shared search has one set", async () => {
    const page = await open("/search/?q=petition&type=Decision", phone);
    await expect.poll(() => page.getByRole("combobox", { name: "Type" }).isVisible()).toBe(true);
    await page.context().close();
  });
});

describe("legible at 320 px", () => {
  it.each(["/kpis/kpi-5-4/", "/kpis/fixed-term-exclusions/"])(
    "draws every chart's text at 12 CSS px or more on %s",
    async (path) => {
      const page = await open(path, { width: 320 });
      const sizes = await page.locator("figure.chart svg text").evaluateAll((texts) =>
        texts
          .filter((t) => t.getClientRects().length > 0)
          .map((t) => {
            const svg = (t as SVGTextElement).ownerSVGElement!;
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return parseFloat(getComputedStyle(t).fontSize) * scale;
          }),
      );
      expect(sizes.length).toBeGreaterThan(0);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
      await page.context().close();
    },
  );

  it("says a table too wide for the screen scrolls sideways, and says nothing over one that fits", async () => {
    const page = await open("/kpis/kpi-5-4/", { width: 320 });
    const cue = (label: string) =>
      page.getByRole("region", { name: label }).evaluate((wrap) => {
        const hint = getComputedStyle(wrap, "::before");
        return {
          overflows: wrap.scrollWidth > wrap.clientWidth,
          shown: hint.visibility === "visible" && parseFloat(hint.fontSize) >= 12,
          text: hint.content,
        };
      });
    expect(await cue("Targets")).toEqual({
      overflows: true,
      shown: true,
      text: '"Scroll sideways for all columns →" / ""',
    });
    expect(await cue("Data table: Average wait for speech and language therapy")).toMatchObject({
      overflows: false,
      shown: false,
    });
    await page.context().close();
  });
});

describe("the decisions log", () => {
  it("goes from the log to a year's decisions, filters them by follow-up and keeps the filter in the URL", async () => {
    const page = await open("/decisions/", { width: 1000 });
    await page.getByRole("link", { name: "2023", exact: true }).click();
    expect(new URL(page.url()).pathname).toBe("/decisions/2023/");
    const all = await page.locator("#decisions-list > li:visible").count();
    await page.getByLabel("Follow-up").selectOption("Follow-up open");
    const open_ = page.locator("#decisions-list > li:visible");
    expect(await open_.count()).toBeGreaterThan(0);
    expect(await open_.count()).toBeLessThan(all);
    expect(await open_.locator(".meta").allTextContents()).toSatisfy((cells: string[]) =>
      cells.every((c) => c.includes("Follow-up open")),
    );
    expect(await page.locator("#decisions-list > li:visible h2").allTextContents()).toSatisfy((cells: string[]) =>
      cells.every((c) => c.includes("2023")),
    );
    expect(new URL(page.url()).searchParams.get("follow")).toBe("Follow-up open");
    await page.context().close();
  });
});
