/**
 * Code that runs inside the audited page. Each function is sent to the browser as source
 * text, so it may use nothing from outside its own body.
 */

/** What a page did that a visitor's privacy forbids, recorded from before its first script runs. */
interface PageRecord {
  readonly kind: "storage" | "cookie" | "csp";
  readonly detail: string;
}

/**
 * Installed before any page script: wraps the storage APIs and the cookie setter so every
 * use is recorded, and listens for Content-Security-Policy violations (enforced or report-only).
 */
export const RECORDER_SCRIPT = `(() => {
  const records = [];
  Object.defineProperty(window, "__gateRecords", { value: records });
  for (const name of ["localStorage", "sessionStorage", "indexedDB", "caches"]) {
    const owner = [window, Window.prototype].find((o) => Object.getOwnPropertyDescriptor(o, name));
    const d = owner && Object.getOwnPropertyDescriptor(owner, name);
    if (!d || !d.get) continue;
    Object.defineProperty(window, name, {
      configurable: true,
      enumerable: true,
      get() { records.push({ kind: "storage", detail: name }); return d.get.call(window); },
    });
  }
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
  if (cookie) Object.defineProperty(Document.prototype, "cookie", {
    configurable: true,
    get() { return cookie.get.call(this); },
    set(v) { records.push({ kind: "cookie", detail: String(v).split("=")[0] }); cookie.set.call(this, v); },
  });
  document.addEventListener("securitypolicyviolation", (e) => records.push({
    kind: "csp",
    detail: e.effectiveDirective + " blocked " +
      (!e.blockedURI || e.blockedURI === "inline" ? "inline code" : e.blockedURI.replace(location.origin, "")) +
      (e.sourceFile ? " (" + e.sourceFile.replace(location.origin, "") + " line " + e.lineNumber + ")" : "") +
      (e.disposition === "report" ? " [report-only policy]" : ""),
  }), true);
})();`;

export interface PageFacts {
  readonly lang: string | null;
  /** The element the first Tab press focused. */
  readonly firstTab: {
    readonly what: string;
    readonly text: string;
    readonly href: string | null;
    readonly targetExists: boolean;
    readonly visible: boolean;
  } | null;
  /** Focusable elements whose look does not change when they take keyboard focus. */
  readonly noFocusIndicator: readonly string[];
  readonly focusableCount: number;
  readonly chartProblems: readonly string[];
  readonly records: readonly PageRecord[];
}

/** Run after one Tab press, so the browser treats later programmatic focus as keyboard focus. */
export function probePage(): PageFacts {
  const describe = (el: Element): string => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += `#${el.id}`;
    else if (el.classList.length) s += `.${[...el.classList].slice(0, 2).join(".")}`;
    const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40);
    return text ? `${s} "${text}"` : s;
  };
  const active = document.activeElement;
  let firstTab: PageFacts["firstTab"] = null;
  if (active && active !== document.body) {
    const href = active.getAttribute("href");
    let targetExists = false;
    if (href?.startsWith("#") && href.length > 1) {
      try {
        targetExists = document.getElementById(decodeURIComponent(href.slice(1))) !== null;
      } catch {
        targetExists = false;
      }
    }
    const r = active.getBoundingClientRect();
    firstTab = {
      what: describe(active),
      text: (active.textContent ?? "").trim(),
      href,
      targetExists,
      visible: r.width > 1 && r.height > 1 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
    };
  }

  const OUTLINE = ["outlineStyle", "outlineWidth", "outlineColor", "outlineOffset"] as const;
  const OTHER = [
    "boxShadow",
    "backgroundColor",
    "color",
    "borderTopColor",
    "borderRightColor",
    "borderBottomColor",
    "borderLeftColor",
    "borderTopWidth",
    "borderBottomWidth",
    "textDecorationLine",
    "textDecorationThickness",
    "textDecorationColor",
    "textUnderlineOffset",
    "clipPath",
    "clip",
    "transform",
    "top",
    "left",
    "opacity",
    "width",
    "height",
  ] as const;
  const snapshot = (el: Element): Record<string, string> => {
    const cs = getComputedStyle(el) as unknown as Record<string, string>;
    const out: Record<string, string> = {};
    for (const k of [...OUTLINE, ...OTHER]) out[k] = cs[k] ?? "";
    return out;
  };
  const transparent = (c: string): boolean =>
    c === "transparent" || /rgba\([^)]*,\s*0\)$/.test(c) || /\/\s*0\)$/.test(c);
  const focusables = [
    ...document.querySelectorAll<HTMLElement>(
      'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex], [contenteditable]:not([contenteditable="false"])',
    ),
  ].filter(
    (el) =>
      el.tabIndex >= 0 &&
      !(el as HTMLButtonElement).disabled &&
      el.getClientRects().length > 0 &&
      getComputedStyle(el).visibility !== "hidden",
  );
  const noFocusIndicator: string[] = [];
  for (const el of focusables.slice(0, 400)) {
    (document.activeElement as HTMLElement | null)?.blur();
    const before = snapshot(el);
    el.focus({ preventScroll: true });
    if (document.activeElement !== el) continue;
    const after = snapshot(el);
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    const outlineShows =
      after["outlineStyle"] !== "none" &&
      parseFloat(after["outlineWidth"] ?? "0") > 0 &&
      !transparent(after["outlineColor"] ?? "");
    const onlyOutline = changed.every((k) => (OUTLINE as readonly string[]).includes(k));
    if (changed.length === 0 || (onlyOutline && !outlineShows)) noFocusIndicator.push(describe(el));
  }
  (document.activeElement as HTMLElement | null)?.blur();

  const chartProblems: string[] = [];
  const numbersIn = (table: Element): Set<number> =>
    new Set(
      [...table.querySelectorAll("td, th")].flatMap((cell) =>
        [...(cell.textContent ?? "").matchAll(/-?\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, ""))),
      ),
    );
  const nameOf = (svg: Element): string => {
    const ids = (svg.getAttribute("aria-labelledby") ?? "").split(/\s+/).filter(Boolean);
    const labelled = ids
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ")
      .trim();
    const title = [...svg.children].find((c) => c.tagName.toLowerCase() === "title")?.textContent ?? "";
    return labelled || (svg.getAttribute("aria-label") ?? "").trim() || title.trim();
  };
  const tableIn = (el: Element | null): Element | null =>
    el ? (el.matches("table") ? el : el.querySelector("table")) : null;
  for (const fig of document.querySelectorAll("figure.chart")) {
    const svg = fig.querySelector("svg");
    if (!svg) continue;
    const caption = (fig.querySelector("figcaption")?.textContent ?? "").replace(/\s+/g, " ").trim();
    const label = `chart "${(nameOf(svg) || caption || describe(fig)).slice(0, 60)}"`;
    if (!nameOf(svg))
      chartProblems.push(
        `${label}: its <svg> has no accessible name; give it role="img" and aria-labelledby pointing at the chart's title`,
      );
    let table = tableIn(fig);
    const describedBy = `${svg.getAttribute("aria-describedby") ?? ""} ${fig.getAttribute("aria-describedby") ?? ""}`;
    for (const id of describedBy.split(/\s+/).filter(Boolean)) table ??= tableIn(document.getElementById(id));
    table ??= tableIn(fig.nextElementSibling);
    if (!table) {
      chartProblems.push(
        `${label} has no data table; put a <table> with the same numbers in the figure, or right after it`,
      );
      continue;
    }
    const inTable = numbersIn(table);
    const missing = [...svg.querySelectorAll("[data-value]")]
      .map((e) => e.getAttribute("data-value") ?? "")
      .filter((v) => v.trim() !== "" && !Number.isNaN(Number(v)) && !inTable.has(Number(v)));
    if (missing.length)
      chartProblems.push(
        `${label} plots ${[...new Set(missing)].slice(0, 5).join(", ")}, which its data table does not show`,
      );
  }

  return {
    lang: document.documentElement.getAttribute("lang"),
    firstTab,
    noFocusIndicator,
    focusableCount: focusables.length,
    chartProblems,
    records: ((window as unknown as { __gateRecords?: PageRecord[] }).__gateRecords ?? []).slice(),
  };
}

/** At the current viewport: null when nothing scrolls sideways, otherwise the widest culprits. */
export function probeOverflow(): { scrollWidth: number; clientWidth: number; culprits: string[] } | null {
  const root = document.documentElement;
  const width = root.clientWidth;
  if (root.scrollWidth <= width) return null;
  const describe = (el: Element): string => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += `#${el.id}`;
    else if (el.classList.length) s += `.${[...el.classList].slice(0, 2).join(".")}`;
    const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40);
    return text ? `${s} "${text}"` : s;
  };
  const clips = (el: Element): boolean => {
    for (let p = el.parentElement; p && p !== document.body && p !== root; p = p.parentElement) {
      if (/(auto|scroll|hidden|clip)/.test(getComputedStyle(p).overflowX)) return true;
    }
    return false;
  };
  const culprits: Element[] = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.right > width + 0.5 && r.width > 0 && !clips(el) && !culprits.some((c) => c.contains(el))) culprits.push(el);
  }
  return {
    scrollWidth: root.scrollWidth,
    clientWidth: width,
    culprits: culprits
      .slice(0, 3)
      .map((el) => `${describe(el)} (${Math.round(el.getBoundingClientRect().width)}px wide)`),
  };
}
