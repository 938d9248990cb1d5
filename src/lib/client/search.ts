/**
 * The search page's script: Pagefind's API, with the query and filters kept in the
 * URL so a search can be shared and survives the back button.
 */
interface PagefindResult {
  data(): Promise<{
    url: string;
    excerpt: string;
    meta: { title?: string; date?: string; figure?: string };
    filters: Record<string, string[]>;
  }>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string | null, o: { filters: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
}

/**
 * Results shown at first and per "Show more results". Each result is a request for its page's
 * whole text (Pagefind's fragment, up to 20 KB gzip on the sample), so five at a time halves what
 * a first search downloads for them; the status line says how many results there are in all.
 */
const PAGE = 5;

type ResultData = Awaited<ReturnType<PagefindResult["data"]>>;

function resultItem(r: ResultData): HTMLLIElement {
  const li = document.createElement("li");
  const h = document.createElement("h2");
  const a = document.createElement("a");
  a.href = r.url;
  a.textContent = r.meta.title ?? r.url;
  h.append(a);
  const p = document.createElement("p");
  p.innerHTML = r.excerpt; // Pagefind escapes the text and adds only <mark>.
  // What it is and when, then (for an indicator) its latest figure: set at build time as Pagefind meta.
  const meta = document.createElement("p");
  meta.className = "meta";
  const type = document.createElement("span");
  type.className = "result-type";
  type.textContent = r.filters["type"]?.join(", ") ?? "";
  meta.append(type);
  if (r.meta.date) meta.append(` · ${r.meta.date}`);
  li.append(h, meta);
  if (r.meta.figure) {
    const figure = document.createElement("p");
    figure.className = "result-figure";
    figure.textContent = `Latest figure: ${r.meta.figure}`;
    li.append(figure);
  }
  li.append(p);
  return li;
}

export async function startSearch(): Promise<void> {
  const form = document.getElementById("search-form") as HTMLFormElement;
  const input = document.getElementById("q") as HTMLInputElement;
  const status = document.getElementById("search-status")!;
  const list = document.getElementById("search-results")!;
  const selects = document.getElementById("filter-selects")!;
  const more = document.getElementById("search-more") as HTMLButtonElement;
  const params = new URLSearchParams(location.search);
  // Take over the form at once, so a query typed while the index loads is neither lost nor overwritten.
  if (params.has("q")) input.value = params.get("q") ?? "";
  // The filter menus are in the page's HTML: their values are known when the site is built.
  for (const select of selects.querySelectorAll("select")) select.value = params.get(select.name) ?? "";
  // On a phone the filters start folded away; a shared search with filters set shows them.
  const disclosure = selects.closest("details");
  if (disclosure && [...selects.querySelectorAll("select")].some((s) => s.value)) disclosure.open = true;
  let submitted = false;
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    submitted = true;
    void ready.then(() => run(true));
  });
  const url = "/pagefind/pagefind.js";
  const ready = (async () => {
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pagefind.options({ excerptLength: 24 });
    return pagefind;
  })();
  const pagefind = await ready;
  // Only the latest search may write results: one started while another is loading (a query typed
  // before the index loaded, then submitted) would otherwise list its results twice.
  let latestRun = 0;
  async function run(push: boolean) {
    const thisRun = ++latestRun;
    const q = input.value.trim();
    const filters = Object.fromEntries(
      [...selects.querySelectorAll("select")].filter((s) => s.value).map((s) => [s.name, s.value]),
    );
    const query = new URLSearchParams({ ...(q ? { q } : {}), ...filters }).toString();
    if (push) history.pushState(null, "", query ? `?${query}` : location.pathname);
    list.replaceChildren();
    more.hidden = true;
    if (!q && Object.keys(filters).length === 0) {
      status.textContent = "";
      return;
    }
    status.textContent = "Searching…";
    const search = await pagefind.search(q || null, { filters });
    if (thisRun !== latestRun) return;
    const n = search.results.length;
    const summary = `${n} result${n === 1 ? "" : "s"}${q ? ` for “${q}”` : ""}`;
    // Results load a page at a time: each one fetched is a request on a slow phone connection.
    let shown = 0;
    const showMore = async () => {
      const next = await Promise.all(search.results.slice(shown, shown + PAGE).map((r) => r.data()));
      if (thisRun !== latestRun) return;
      for (const r of next) list.append(resultItem(r));
      shown += next.length;
      more.hidden = shown >= n;
      status.textContent = `${summary}${shown < n ? `; showing ${shown}` : ""}.`;
    };
    more.onclick = () => {
      const first = list.children.length;
      void showMore().then(() => (list.children[first]?.querySelector("a") as HTMLElement | null)?.focus());
    };
    await showMore();
  }
  selects.addEventListener("change", () => void run(true));
  addEventListener("popstate", () => {
    const p = new URLSearchParams(location.search);
    input.value = p.get("q") ?? "";
    for (const s of selects.querySelectorAll("select")) s.value = p.get(s.name) ?? "";
    void run(false);
  });
  if (!submitted) await run(false);
}
