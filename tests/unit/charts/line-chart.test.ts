import { gzipSync } from "node:zlib";
import { isTag, isText, type AnyNode, type Element } from "domhandler";
import { HtmlValidate } from "html-validate";
import { DomUtils, parseDocument } from "htmlparser2";
import { afterEach, describe, expect, it } from "vitest";
import {
  drawChart,
  lineChart,
  prepareChart,
  sparkline,
  type LineChartSpec,
} from "../../../src/lib/charts/line-chart.ts";
import { FIXTURES, largeSpec, loadFixture } from "./fixtures.ts";

const chart = (spec: LineChartSpec) => {
  const svg = lineChart(spec);
  if (svg === null) throw new Error(`expected a chart for ${spec.id}`);
  return svg;
};

/** The chart parsed as XML, so `viewBox` and the other SVG names keep their case. */
const svgDoc = (svg: string) => parseDocument(svg, { xmlMode: true });

/** The elements of `svg` that pass `test`, in document order. */
const elements = (svg: string, test: (e: Element) => boolean = () => true) =>
  DomUtils.findAll(test, svgDoc(svg).children);

/** The root `<svg>`: the first node of the markup, with nothing before it. */
function svgRoot(svg: string): Element {
  const first = svgDoc(svg).children[0];
  if (!first || !isTag(first) || first.name !== "svg") throw new Error("the markup does not start with <svg>");
  return first;
}

/** The `<path>` that is the first child of `<g data-line="{id}">`: the line itself. */
function lineStart(svg: string, id: string): Element | undefined {
  const firstPath = (g: Element) => {
    const first = g.children[0];
    return first && isTag(first) && first.name === "path" ? first : undefined;
  };
  const group = DomUtils.findOne(
    (e) => e.name === "g" && e.attribs["data-line"] === id && firstPath(e) !== undefined,
    svgDoc(svg).children,
  );
  return group ? firstPath(group) : undefined;
}

/** The `d` of the line path inside `<g data-line="{id}">` (the first child of the group). */
function linePath(svg: string, id: string): string {
  const d = lineStart(svg, id)?.attribs["d"];
  if (d === undefined) throw new Error(`no line ${id}`);
  return d;
}

/** The children of `<g data-line="{id}">`: the line, its markers and rings. */
function lineGroup(svg: string, id: string): AnyNode[] {
  const group = DomUtils.findOne((e) => e.name === "g" && e.attribs["data-line"] === id, svgDoc(svg).children);
  if (!group) throw new Error(`no line ${id}`);
  return group.children;
}

/** The `d` of every `<path>` among `nodes` and their descendants. */
const pathDs = (nodes: AnyNode[]) => DomUtils.findAll((e) => e.name === "path", nodes).map((e) => e.attribs["d"] ?? "");

/** Every empty `<path>` among `nodes` and their descendants, as its attributes in order: `[["d", "M1,2…"], ["fill", "#fff"]]`. */
const emptyPaths = (nodes: AnyNode[]) =>
  DomUtils.findAll((e) => e.name === "path" && e.children.length === 0, nodes).map((e) => Object.entries(e.attribs));

/** Everything `svg` writes apart from the names of its elements and attributes: every attribute value and run of text. */
const written = (svg: string) =>
  elements(svg).flatMap((e) => [...Object.values(e.attribs), ...e.children.filter(isText).map((t) => t.data)]);

const waits = (values: (number | null)[]): LineChartSpec => ({
  id: "waits",
  title: "Waiting time for speech and language therapy",
  unit: "weeks",
  better: "lower",
  lines: [
    {
      id: "all",
      label: "All children",
      role: "actual",
      points: values.map((value, i) => ({
        period: `2019-${String(i + 1).padStart(2, "0")}`,
        value,
        ...(value === null ? { missing: "Not collected" } : {}),
      })),
    },
  ],
});

describe("lineChart golden snapshots", () => {
  it.each(FIXTURES.filter((name) => name !== "empty"))("draws the %s fixture as its golden SVG", async (name) => {
    await expect(chart(loadFixture(name))).toMatchFileSnapshot(`./__snapshots__/${name}.svg`);
  });

  it("draws the speech and language fixture at phone width as its golden SVG", async () => {
    await expect(chart({ ...loadFixture("falling"), width: 360, height: 240, layout: "narrow" })).toMatchFileSnapshot(
      "./__snapshots__/falling-narrow.svg",
    );
  });

  it("draws four cohorts with a comparator at phone width, the key in rows below, as its golden SVG", async () => {
    await expect(chart({ ...loadFixture("cohorts"), width: 360, height: 260, layout: "narrow" })).toMatchFileSnapshot(
      "./__snapshots__/cohorts-narrow.svg",
    );
  });

  it("draws ten years of monthly figures for four cohorts as its golden SVG", async () => {
    await expect(chart(largeSpec())).toMatchFileSnapshot("./__snapshots__/large.svg");
  });
});

describe("a chart prepared once and drawn in two layouts", () => {
  const narrow = { width: 360, height: 260, layout: "narrow" as const };
  const specs = [...FIXTURES.filter((name) => name !== "empty").map(loadFixture), largeSpec()];

  it.each(specs.map((spec) => [spec.id, spec] as const))(
    "draws %s in each layout as lineChart draws that layout alone, whichever is drawn first",
    (_, spec) => {
      const prepared = prepareChart(spec)!;
      const narrowFirst = drawChart(prepared, { ...narrow, id: `${spec.id}-narrow` });
      const wideSecond = drawChart(prepared, spec);
      expect(wideSecond).toBe(lineChart(spec));
      expect(narrowFirst).toBe(lineChart({ ...spec, ...narrow, id: `${spec.id}-narrow` }));
      expect(drawChart(prepared, { ...narrow, id: `${spec.id}-narrow` })).toBe(narrowFirst);
    },
  );

  it("is null when lineChart is, and refuses a fifth cohort as lineChart does", () => {
    expect(prepareChart(loadFixture("empty"))).toBeNull();
    const spec = loadFixture("cohorts");
    spec.lines.push({ ...spec.lines[0]!, id: "fifth" });
    expect(() => prepareChart(spec)).toThrow('chart "cohorts" has 5 actual lines');
  });
});

describe("lineChart", () => {
  it("writes text at 16 units in the narrow layout, so 360 units drawn 288 CSS px wide read at 12.8px", () => {
    expect(chart({ ...loadFixture("cohorts"), width: 360, height: 260, layout: "narrow" })).toContain('font-size="16"');
  });

  it("puts the narrow layout's key below the plot, each label on one line, adding to the height", () => {
    const spec = { ...loadFixture("cohorts"), width: 360, height: 260, layout: "narrow" as const };
    const svg = chart(spec);
    const height = Number(/^0 0 360 ([\d.]+)$/.exec(svgRoot(svg).attribs["viewBox"] ?? "")![1]);
    expect(height).toBeGreaterThan(260);
    const texts = elements(svg, (e) => e.name === "text").map((e) => DomUtils.textContent(e));
    for (const line of spec.lines.filter((l) => l.role !== "target")) expect(texts).toContain(line.label);
  });

  it("returns null when every actual figure is missing, even with a target", () => {
    expect(lineChart(loadFixture("empty"))).toBeNull();
  });

  it("returns null when there are no lines", () => {
    expect(lineChart({ ...waits([]), lines: [] })).toBeNull();
  });

  it("breaks the line at a missing value: the path has two M segments", () => {
    const d = linePath(chart(waits([30, 29, null, 27, 26])), "all");
    expect(d.match(/M/g)).toHaveLength(2);
  });

  it("never draws a missing value at zero", () => {
    const svg = chart(waits([30, 29, null, 27, 26]));
    const axisY = Number(
      elements(svg, (e) => e.name === "path" && e.attribs["stroke"] === "#0b0c0c")
        .map((e) => /^M[\d.]+,([\d.]+)H[\d.]+M/.exec(e.attribs["d"] ?? ""))
        .find((m) => m !== null)![1],
    );
    const ys = linePath(svg, "all")
      .match(/,[\d.]+/g)!
      .map((s) => Number(s.slice(1)));
    expect(ys).toHaveLength(4);
    expect(ys).not.toContain(axisY);
  });

  it("draws nothing at a missing value: no mark on the zero line, the line breaks into two runs", () => {
    const svg = chart(waits([30, 29, null, 27, 26]))!;
    expect(svg).not.toContain("v-8");
    const line = linePath(svg, "all");
    expect(line.match(/M/g)).toHaveLength(2);
  });

  it("breaks the line where a period is absent from the data, without a null point", () => {
    const svg = chart(loadFixture("absent-periods"))!;
    const line = linePath(svg, "all");
    expect(line.match(/M/g)).toHaveLength(2);
  });

  it("keeps a target line whole between milestones that are not consecutive periods", () => {
    const svg = chart(loadFixture("rising"))!;
    const target = linePath(svg, "target");
    expect(target.match(/M/g)).toHaveLength(1);
  });

  it("draws projected figures as a dashed line from the last measured figure, apart from the solid line", () => {
    const svg = chart(loadFixture("projected"))!;
    const solid = linePath(svg, "all");
    const dashed = elements(
      svg,
      (e) =>
        e.name === "path" &&
        Boolean(e.attribs["d"]) &&
        e.attribs["stroke-dasharray"] === "5 4" &&
        e.attribs["data-projected"] !== undefined,
    )[0]!.attribs["d"]!;
    expect(solid.match(/[ML]/g)).toHaveLength(3);
    expect(dashed.match(/[ML]/g)).toHaveLength(3);
    expect(dashed.startsWith(`M${solid.split("L").at(-1)}`)).toBe(true);
  });

  it("has an accessible name: role img labelled by its title and description", () => {
    const svg = chart(loadFixture("falling"));
    expect(Object.entries(svgRoot(svg).attribs).slice(0, 4)).toEqual([
      ["xmlns", "http://www.w3.org/2000/svg"],
      ["viewBox", "0 0 640 320"],
      ["role", "img"],
      ["aria-labelledby", "slt-waits-title slt-waits-desc"],
    ]);
    expect(svg).toContain('<title id="slt-waits-title">Waiting time for speech and language therapy</title>');
    expect(svg).toContain('<desc id="slt-waits-desc">');
  });

  it("describes the latest figure against the target in words", () => {
    expect(chart(loadFixture("falling"))).toContain(
      '<desc id="slt-waits-desc">Figures from June 2019 to March 2020. All children: 26 weeks in March 2020, 1 week above the most recent target, 25 weeks by December 2019. Lower is better. Baseline: 30 weeks in June 2019.</desc>',
    );
  });

  it("gives each of four cohorts a different marker shape", () => {
    const svg = chart(loadFixture("cohorts"));
    const shapes = ["all", "ehcp", "sen-support", "no-sen"].map((id) => {
      const marker = DomUtils.findOne(
        (e) => e.name === "path" && e.attribs["fill"]?.startsWith("#") === true,
        lineGroup(svg, id),
      )!.attribs["d"]!;
      return marker.split("M")[1]!.replace(/-?[\d.]+/g, "n");
    });
    expect(new Set(shapes).size).toBe(4);
  });

  it("draws the target dashed and comparators dotted, so lines differ without colour", () => {
    const target = chart(loadFixture("falling"));
    const comparators = chart(loadFixture("comparator"));
    expect(lineStart(target, "target")?.attribs["stroke-dasharray"]).toBe("6 5");
    expect(lineStart(comparators, "national")?.attribs["stroke-dasharray"]).toBe("0 5");
    expect(lineStart(comparators, "sefton")?.attribs["stroke-dasharray"]).toBeUndefined();
  });

  it("labels every line at its end in words", () => {
    const svg = chart(loadFixture("comparator"));
    for (const label of ["Sefton", "National average", "North West average"]) expect(svg).toContain(`>${label}</text>`);
  });

  it("draws the baseline as a labelled rule", () => {
    expect(chart(loadFixture("falling"))).toContain(">Baseline 30 weeks</text>");
  });

  it("formats value ticks with the unit", () => {
    const svg = chart(loadFixture("falling"));
    expect(svg).toContain(">30 weeks</text>");
    expect(chart(loadFixture("rising"))).toContain(">20%</text>");
  });

  it("labels at most six periods on the x axis, the latest always among them", () => {
    const svg = chart(largeSpec());
    const labels = elements(
      svg,
      (e) => e.name === "text" && /^[\d.]+$/.test(e.attribs["x"] ?? "") && e.attribs["y"] === "313",
    ).map((e) => DomUtils.textContent(e));
    expect(labels.length).toBeLessThanOrEqual(6);
    expect(labels.at(-1)).toBe("Dec 2023");
  });

  it("marks every point of a short line", () => {
    const ds = pathDs(lineGroup(chart(loadFixture("falling")), "all"));
    expect(ds.flatMap((d) => d.match(/a4,4 0 1 0 8,0/g) ?? [])).toHaveLength(10);
  });

  it("marks only the latest point of a line too dense for markers", () => {
    const ds = pathDs(lineGroup(chart(largeSpec()), "cohort-1"));
    expect(ds.flatMap((d) => d.match(/a4,4 0 1 0 8,0/g) ?? [])).toHaveLength(1);
  });

  it("draws a provisional figure as a hollow marker", () => {
    expect(emptyPaths(svgDoc(chart(loadFixture("provisional-revised"))).children)).toContainEqual([
      ["d", expect.stringMatching(/^M/)],
      ["fill", "#fff"],
      ["stroke", "#1d4f91"],
      ["stroke-width", "1.5"],
    ]);
  });

  it("rings a revised figure", () => {
    const group = lineGroup(chart(loadFixture("provisional-revised")), "all");
    expect(emptyPaths(group)).toContainEqual([
      ["d", expect.stringMatching(/^M.*a7.5,7.5 /)],
      ["stroke", "#1d4f91"],
      ["stroke-width", "1.5"],
      ["fill", "none"],
    ]);
  });

  it("shows a single value as a point, not an empty axis", () => {
    const group = lineGroup(chart(loadFixture("single")), "all");
    expect(emptyPaths(group)).toContainEqual([
      ["d", expect.stringMatching(/^M[\d.]+,[\d.]+a4,4 0 1 0 8,0a4,4 0 1 0 -8,0$/)],
      ["fill", "#1d4f91"],
    ]);
  });

  it("writes every number with at most one decimal place", () => {
    const tooPrecise = (svg: string) => written(svg).filter((s) => /\d\.\d\d/.test(s));
    for (const name of FIXTURES.filter((n) => n !== "empty")) expect(tooPrecise(chart(loadFixture(name)))).toEqual([]);
    expect(tooPrecise(chart(largeSpec()))).toEqual([]);
  });

  it("keeps ten years of monthly figures for four cohorts under 5 KB gzipped", () => {
    expect(gzipSync(chart(largeSpec())).length).toBeLessThan(5 * 1024);
  });

  it("is valid HTML when inlined in a page", async () => {
    const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "doctype-style": "off" } });
    for (const svg of [chart(loadFixture("cohorts")), sparkline(loadFixture("gaps"))!]) {
      const report = await validator.validateString(
        `<!doctype html><html lang="en"><head><title>KPI</title></head><body><figure>${svg}</figure></body></html>`,
      );
      expect(report.results.flatMap((r) => r.messages.map((m) => m.message))).toEqual([]);
    }
  });

  it("escapes labels so they cannot break the markup", () => {
    const spec = waits([1, 2]);
    spec.lines[0]!.label = 'Pupils <5 & "others"';
    expect(chart(spec)).toContain(">Pupils &lt;5 &amp; &quot;others&quot;</text>");
  });

  it("refuses a fifth cohort, naming the chart", () => {
    const spec = loadFixture("cohorts");
    spec.lines.push({ ...spec.lines[0]!, id: "fifth" });
    expect(() => lineChart(spec)).toThrow(
      'chart "cohorts" has 5 actual lines; at most four can be told apart. Split the cohorts over two charts.',
    );
  });

  it("draws the same points in whatever order they are given", () => {
    const spec = loadFixture("falling");
    const shuffled = { ...spec, lines: spec.lines.map((l) => ({ ...l, points: [...l.points].reverse() })) };
    expect(chart(shuffled)).toBe(chart(spec));
  });
});

describe("time zones", () => {
  const original = process.env["TZ"];
  afterEach(() => {
    process.env["TZ"] = original;
  });

  it.each(["America/Los_Angeles", "Pacific/Kiritimati"])("draws the same SVG in %s as in UTC", (zone) => {
    process.env["TZ"] = "UTC";
    const utc = chart(loadFixture("provisional-revised"));
    process.env["TZ"] = zone;
    expect(chart(loadFixture("provisional-revised"))).toBe(utc);
  });
});

describe("sparkline", () => {
  it.each(["rising", "gaps", "provisional-revised"] as const)(
    "draws the %s fixture as its golden SVG",
    async (name) => {
      await expect(sparkline(loadFixture(name))).toMatchFileSnapshot(`./__snapshots__/sparkline-${name}.svg`);
    },
  );

  it("returns null when there is no figure", () => {
    expect(sparkline(loadFixture("empty"))).toBeNull();
  });

  it("keeps its ids apart from the full chart of the same indicator", () => {
    expect(svgRoot(sparkline(loadFixture("falling"))!).attribs["aria-labelledby"]).toBe(
      "slt-waits-spark-title slt-waits-spark-desc",
    );
  });

  it("keeps its size when inlined in text", () => {
    const attrs = Object.entries(svgRoot(sparkline(loadFixture("falling"))!).attribs);
    const at = attrs.findIndex(([name]) => name === "viewBox");
    expect(attrs.slice(at, at + 3)).toEqual([
      ["viewBox", "0 0 120 32"],
      ["width", "120"],
      ["height", "32"],
    ]);
  });

  it("draws only the first cohort and the target", () => {
    const svg = sparkline({
      ...loadFixture("cohorts"),
      lines: [...loadFixture("cohorts").lines, ...loadFixture("falling").lines.slice(1)],
    })!;
    expect(elements(svg, (e) => e.attribs["data-line"] !== undefined).map((e) => e.attribs["data-line"])).toEqual([
      "target",
      "all",
    ]);
  });

  it("leaves a gap at a missing value", () => {
    expect(linePath(sparkline(waits([30, null, 27, 26]))!, "all").match(/M/g)).toHaveLength(2);
  });
});
