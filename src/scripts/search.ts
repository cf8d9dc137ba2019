/**
 * The search page's script. Reads the query and filters from the address, loads Pagefind
 * (from the site itself, under the base path) only when there is something to look for,
 * shows the results with the kind of material, the organisation and a highlighted excerpt,
 * and keeps the address in step so that a search can be shared.
 */
import { plural } from '../lib/plural.ts';
import { fromIndex, normaliseQuery } from '../lib/search/normalise.ts';
import { queryTerms, rowResults, type FragmentWithAnchors, type RowResult } from '../lib/search/sub-results.ts';

interface PagefindResult extends FragmentWithAnchors {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string | null, options?: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<PagefindResult> }[] } | null>;
}

/** Results shown at once: each one costs a fragment download (the page's text for the excerpt). */
const PAGE = 10;
/** Address parameter → Pagefind filter. */
const FILTERS: Record<string, string> = { kind: 'kind', org: 'organization', form: 'form', year: 'year' };

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
const status = document.querySelector<HTMLElement>('[data-search-status]')!;
const list = document.querySelector<HTMLOListElement>('[data-search-results]')!;
const more = document.querySelector<HTMLButtonElement>('[data-search-more]')!;

let pagefind: Promise<Pagefind> | undefined;
const loadPagefind = () =>
  (pagefind ??= import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).then(async (module: Pagefind) => {
    // On the main thread: the index is small enough, and the worker would be another 12 KB to fetch.
    await module.options({ baseUrl: base, excerptLength: 24, noWorker: true });
    return module;
  }));

const fields = () => new FormData(form);

function fillFromAddress() {
  const params = new URLSearchParams(location.search);
  for (const element of Array.from(form.elements) as HTMLInputElement[]) {
    if (element.name && params.has(element.name)) element.value = params.get(element.name)!;
  }
}

function keepInAddress(data: FormData) {
  const params = new URLSearchParams();
  for (const [name, value] of data) {
    const text = String(value).trim();
    if (text) params.set(name, text);
  }
  const query = params.toString();
  history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
}

/** A new element, with its properties (class, text, address). */
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, properties?: Partial<HTMLElementTagNameMap[K]>) =>
  Object.assign(document.createElement(tag), properties);

function resultItem(result: PagefindResult, terms: string[]): HTMLLIElement {
  const item = el('li', { className: 'search-result' });
  const title = el('h2', { className: 'search-result__title' });
  title.append(el('a', { href: result.url, textContent: result.meta.title ?? result.url }));
  item.append(
    el('p', { className: 'search-result__kind', textContent: [result.meta.kind, result.meta.organization].filter(Boolean).join(' · ') }),
    title,
    // Pagefind's excerpt: the page's own text, escaped, with the matches in <mark>; its dashes
    // and quotes as the page has them, not as the index marks them (normalise.ts).
    el('p', { className: 'search-result__excerpt', innerHTML: fromIndex(result.excerpt) }),
  );
  const rows = rowResults(result, { terms });
  if (rows.length) item.append(rowList(rows));
  return item;
}

/** Links straight to the roadmap rows (or regulation clauses) that hold the matches. */
function rowList(rows: RowResult[]): HTMLElement {
  const wrapper = el('div', { className: 'search-result__rows' });
  const list = el('ul');
  for (const row of rows) {
    const link = el('a', { href: row.url });
    // Text nodes and <mark> elements: the page's words are never parsed as HTML.
    row.words.forEach((word, i) => link.append(i ? ' ' : '', word.match ? el('mark', { textContent: word.text }) : word.text));
    if (row.cut) link.append('…');
    const entry = el('li');
    entry.append(link);
    list.append(entry);
  }
  wrapper.append(el('p', { textContent: `Найдено в пункт${rows.length > 1 ? 'ах' : 'е'}:` }), list);
  return wrapper;
}

let latest = 0;
let pending: { data(): Promise<PagefindResult> }[] = [];
/** The words of the query the results were found for. */
let terms: string[] = [];

async function showMore(count: number) {
  const turn = latest;
  const next = await Promise.all(pending.slice(0, PAGE).map((r) => r.data()));
  if (turn !== latest) return;
  pending = pending.slice(PAGE);
  list.append(...next.map((result) => resultItem(result, terms)));
  const shown = list.children.length;
  const found = `Найдено ${count} ${plural(count, ['материал', 'материала', 'материалов'])}`;
  status.textContent = shown < count ? `${found}, показаны первые ${shown}.` : `${found}.`;
  more.hidden = pending.length === 0;
}

more.addEventListener('click', () => showMore(list.children.length + pending.length));

async function run() {
  const turn = ++latest;
  const data = fields();
  keepInAddress(data);
  // «ученик-ученик», «ученик – ученик» and «ученик—ученик» are one query (normalise.ts).
  const query = normaliseQuery(String(data.get('q') ?? ''));
  const filters: Record<string, string> = {};
  for (const [param, filter] of Object.entries(FILTERS)) {
    const value = String(data.get(param) ?? '');
    if (value) filters[filter] = value;
  }
  if (!query && !Object.keys(filters).length) {
    list.replaceChildren();
    more.hidden = true;
    status.textContent = 'Введите слово или выберите фильтр.';
    return;
  }
  status.textContent = 'Идёт поиск…';
  try {
    const search = await (await loadPagefind()).search(query || null, { filters });
    if (!search || turn !== latest) return;
    list.replaceChildren();
    pending = search.results;
    terms = queryTerms(query);
    if (!pending.length) {
      more.hidden = true;
      status.textContent = 'Ничего не найдено. Попробуйте другие слова или уберите фильтры.';
      return;
    }
    await showMore(pending.length);
  } catch {
    if (turn === latest) status.textContent = 'Поиск сейчас недоступен. Материалы можно найти в разделах сайта.';
  }
}

let timer: number | undefined;
form.addEventListener('submit', (event) => {
  event.preventDefault();
  run();
});
form.addEventListener('input', (event) => {
  if ((event.target as HTMLElement).tagName !== 'INPUT') return;
  clearTimeout(timer);
  timer = window.setTimeout(run, 250);
});
form.addEventListener('change', (event) => {
  if ((event.target as HTMLElement).tagName === 'SELECT') run();
});

fillFromAddress();
if (location.search) run();
