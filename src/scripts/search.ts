/**
 * The search page's script. Reads the query and filters from the address, loads Pagefind
 * (from the site itself, under the base path) only when there is something to look for,
 * shows the results with the kind of material, the organisation and a highlighted excerpt,
 * and keeps the address in step so that a search can be shared.
 */
import { plural } from '../lib/plural.ts';
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
  for (const [name, value] of data) if (String(value).trim()) params.set(name, String(value).trim());
  const query = params.toString();
  history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
}

function resultItem(result: PagefindResult, terms: string[]): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const kind = document.createElement('p');
  kind.className = 'search-result__kind';
  kind.textContent = [result.meta.kind, result.meta.organization].filter(Boolean).join(' · ');
  const title = document.createElement('h2');
  title.className = 'search-result__title';
  const link = document.createElement('a');
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  title.append(link);
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result__excerpt';
  // Pagefind's excerpt: the page's own text, escaped, with the matches in <mark>.
  excerpt.innerHTML = result.excerpt;
  item.append(kind, title, excerpt);
  const rows = rowResults(result, { terms });
  if (rows.length) item.append(rowList(rows));
  return item;
}

/** Links straight to the roadmap rows (or regulation clauses) that hold the matches. */
function rowList(rows: RowResult[]): HTMLElement {
  const wrapper = document.createElement('div');
  wrapper.className = 'search-result__rows';
  const label = document.createElement('p');
  label.textContent = rows.length === 1 ? 'Найдено в пункте:' : 'Найдено в пунктах:';
  const list = document.createElement('ul');
  for (const row of rows) {
    const link = document.createElement('a');
    link.href = row.url;
    // Text nodes and <mark> elements: the page's words are never parsed as HTML.
    row.words.forEach((word, i) => {
      if (i) link.append(' ');
      if (!word.match) return link.append(word.text);
      const mark = document.createElement('mark');
      mark.textContent = word.text;
      link.append(mark);
    });
    if (row.cut) link.append('…');
    const entry = document.createElement('li');
    entry.append(link);
    list.append(entry);
  }
  wrapper.append(label, list);
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

const more = document.createElement('button');
more.type = 'button';
more.className = 'search-more';
more.textContent = 'Показать ещё';
more.hidden = true;
list.after(more);
more.addEventListener('click', () => showMore(list.children.length + pending.length));

async function run() {
  const turn = ++latest;
  const data = fields();
  keepInAddress(data);
  const query = String(data.get('q') ?? '').trim();
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
