/**
 * Where the document is on a web page saved from a school's site, and what around and
 * inside it is the site's own («chrome»): menus, breadcrumbs, the page's heading, view
 * counters, «Скачать документ», share buttons, the sidebar and the footer.
 *
 *   findMain(root: HTMLElement): MainPart            — the document's element, and what in it is chrome
 *   isChromeLine(text: string): boolean              — «Просмотров: 123», «Скачать документ (PDF, 230 КБ)»…
 *   isPageHeading(lines, index, sectionNames): boolean — a heading before the document that is the page's
 *   startsDocument(text), isHeading(element)
 *
 * The document is the content container a CMS marks (`<main>`, `<article>`, `.entry-content`,
 * `.item-page`, uCoz's `.eMessage`, Bitrix's `.news-detail`…), narrowed to the element that
 * holds most of its text; with no such mark, the element with most of the page's text.
 * Chrome is known by its tag (nav, header, footer, aside, form), its ARIA role, its class or
 * id (breadcrumb, menu, sidebar, share, views…) and, when the container is being looked
 * for, by being mostly links (a menu without a class). A page with none of these — Word's
 * «Веб-страница», mammoth's output — is not a site's page: it is read whole, as it was.
 */
import type { HTMLElement, Node } from 'node-html-parser';

const NOT_TEXT = new Set(['head', 'title', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'meta', 'link']);
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu', 'button', 'select', 'textarea', 'label', 'dialog']);
const CHROME_ROLES = /^(navigation|banner|contentinfo|complementary|search|menu|menubar|toolbar|dialog)$/i;
/**
 * Words that CMS themes put in the class or id of their chrome. Matched as a whole part
 * of a class name (between «-», «_», digits), so that «entry-meta» and «ya-share2» match
 * and Word's «MsoHeader» or a «content» wrapper do not.
 */
const CHROME_WORD =
  /(?:^|[-_])(?:breadcrumbs?|breadcrumb_last|pathway|crumbs?|nav|navbar|navigation|menu|submenu|sidebar|sidebox|header|footer|banner|widgets?|moduletable|share|sharing|social|pluso|addthis|uptolike|likes?|counters?|views|hits|rating|comments?|search|login|auth|cookies?|popup|modal|pager|pagenav|pagination|print|icons|tags|meta|info|date|published|modified|byline|attachments?|attachmentslist|files?|downloads?|special|bvi|skip|screen-reader-text|sitemap|informer|advert|ads)(?=[-_\d]|$)/i;
/** uCoz's details line («Категория … | Просмотров …») and a CMS's own page title, by their class. */
const PAGE_TITLE_CLASS = /^(etitle|contentheading|componentheading|(entry|page|post|article|news|item)[-_]?(title|heading))$/i;
const CMS_CHROME_CLASS = /^edetails\d*$/i;
/** A heading set by its class: a CMS's title element, a constructor's «t030__title». Word's «MsoTitle» has no separator. */
const CMS_TITLE_CLASS = /^(etitle|contentheading|componentheading|title|heading|headline|.*[-_](title|heading|headline))$/i;
/** Where CMSs put the page's content; the first that matches is narrowed further. */
const CONTENT_CLASS =
  /^(entry-content|post-content|post-body|article-content|article-body|articlebody|item-page|news-detail|news-text|detail-text|emessage|page-content|content-text|text-content|field-item|field--name-body|main-content|content|post|entry|hentry|article)$/i;
const CONTENT_ID = /^(content|main-content|maincontent|main|article|workarea|page-content)$/i;

/** A document's first lines: its approval block or its name. A site's header never starts so. */
const DOCUMENT_SIGNAL = /^(утвержд|согласован|принят[оаы]?(?![а-яё])|рассмотрен|план(?![а-яё])|дорожн\S*\s+карт|положени[ея](?![а-яё]))/i;
const APPROVAL = /^(утвержд|согласован|принят[оаы]?(?![а-яё])|рассмотрен)/i;
const DOCUMENT_NAME = /^(план|дорожн\S*\s+карт|положени[ея]|программ\S*|порядок|регламент)/i;
const NAMES_DOCUMENT = /план(?![а-яё])|дорожн\S* карт|положени[ея](?![а-яё])|программ/i;

export interface MainPart {
  /** The element that holds the document (the body when the page is not a site's). */
  main: HTMLElement;
  /** A site's page: something on it is the site's own and is left out. */
  isSitePage: boolean;
  /** Whether an element inside `main` is the site's, not the document's (read nothing in it). */
  isChrome(element: HTMLElement): boolean;
  /** The site's section names (menu items, breadcrumbs, parts of `<title>`), normalised by `nameKey`. */
  sectionNames: Set<string>;
  /** The page's own heading outside the document, if it has one («Дорожная карта 2023»). */
  pageHeading?: string;
}

const tagOf = (element: HTMLElement) => element.tagName?.toLowerCase() ?? '';
const elementsOf = (element: HTMLElement) => element.childNodes.filter((child): child is HTMLElement => child.nodeType === 1);
const classesOf = (element: HTMLElement) => (element.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
const textOf = (node: Node) =>
  node.text
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** A name as compared: case, «ё», punctuation and spacing aside. */
export const nameKey = (text: string) =>
  text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const looksChrome = (element: HTMLElement) => {
  if (CHROME_TAGS.has(tagOf(element))) return true;
  if (CHROME_ROLES.test(element.getAttribute('role') ?? '')) return true;
  const id = element.getAttribute('id') ?? '';
  if (id && CHROME_WORD.test(id)) return true;
  return classesOf(element).some((name) => CHROME_WORD.test(name) || CMS_CHROME_CLASS.test(name) || PAGE_TITLE_CLASS.test(name));
};

const isCmsTitle = (element: HTMLElement) =>
  /^headline$/i.test(element.getAttribute('itemprop') ?? '') || classesOf(element).some((name) => CMS_TITLE_CLASS.test(name));
export const isHeading = (element: HTMLElement) => /^h[1-3]$/.test(tagOf(element)) || isCmsTitle(element);

const looksContent = (element: HTMLElement) => {
  const tag = tagOf(element);
  if (tag === 'main' || tag === 'article') return true;
  if (/^main$/i.test(element.getAttribute('role') ?? '') || /^articleBody$/i.test(element.getAttribute('itemprop') ?? '')) return true;
  if (CONTENT_ID.test(element.getAttribute('id') ?? '')) return true;
  return classesOf(element).some((name) => CONTENT_CLASS.test(name));
};

interface Measure {
  /** Characters of text, chrome left out. */
  text: number;
  /** …of them inside links that lead elsewhere (not «#» anchors, as in Word's table of contents). */
  links: number;
  /** How many such links. */
  linkCount: number;
}

export function findMain(root: HTMLElement): MainPart {
  const body = root.querySelector('body') ?? root;

  // The raw size of each element, to tell chrome from a page wrapped in a «form» or a «header» class.
  const raw = new Map<HTMLElement, number>();
  const rawSize = (node: Node): number => {
    if (node.nodeType === 3) return textOf(node).length;
    if (node.nodeType !== 1) return 0;
    const element = node as HTMLElement;
    if (NOT_TEXT.has(tagOf(element))) return 0;
    const size = element.childNodes.reduce((sum, child) => sum + rawSize(child), 0);
    raw.set(element, size);
    return size;
  };
  const total = rawSize(body);

  const chrome = new Set<HTMLElement>();
  /** Link-dense blocks: menus without a class. Only for finding the container, not left out inside it. */
  const dense = new Set<HTMLElement>();
  const sizes = new Map<HTMLElement, Measure>();
  const signals = new Map<HTMLElement, boolean>();
  const measure = (node: Node, inHeading: boolean, inLink: boolean): Measure => {
    if (node.nodeType === 3) {
      const length = textOf(node).length;
      return { text: length, links: inLink ? length : 0, linkCount: 0 };
    }
    if (node.nodeType !== 1) return { text: 0, links: 0, linkCount: 0 };
    const element = node as HTMLElement;
    const tag = tagOf(element);
    if (NOT_TEXT.has(tag)) return { text: 0, links: 0, linkCount: 0 };
    // Never more than half the page: that is the page itself, however its wrapper is called.
    if (element !== body && looksChrome(element) && (raw.get(element) ?? 0) <= total / 2) {
      chrome.add(element);
      return { text: 0, links: 0, linkCount: 0 };
    }
    const heading = inHeading || isHeading(element);
    const href = tag === 'a' ? (element.getAttribute('href') ?? '') : '';
    const link = inLink || (href !== '' && !href.startsWith('#'));
    const sum: Measure = { text: 0, links: 0, linkCount: tag === 'a' && link && !inLink ? 1 : 0 };
    let signal = false;
    for (const child of element.childNodes) {
      const part = measure(child, heading, link);
      sum.text += part.text;
      sum.links += part.links;
      sum.linkCount += part.linkCount;
      // A link's text («План мероприятий на каникулы» in the news) is a site's, never the document's start.
      if (child.nodeType === 3 && !heading && !link && DOCUMENT_SIGNAL.test(textOf(child))) signal = true;
      if (child.nodeType === 1 && signals.get(child as HTMLElement)) signal = true;
    }
    signals.set(element, signal);
    sizes.set(element, sum);
    if (element !== body && !signal && sum.linkCount >= 3 && sum.links >= sum.text * 0.6 && sum.text <= total / 2) {
      dense.add(element);
      return { text: 0, links: 0, linkCount: 0 };
    }
    return sum;
  };
  measure(body, false, false);
  const size = (element: HTMLElement) => (dense.has(element) ? 0 : (sizes.get(element)?.text ?? 0));

  const sectionNames = new Set<string>();
  for (const element of chrome) for (const link of element.querySelectorAll('a, li, span')) sectionNames.add(nameKey(textOf(link)));
  const title = root.querySelector('title');
  if (title) for (const part of textOf(title).split(/\s+[-–—|:»/]+\s+/)) sectionNames.add(nameKey(part));
  sectionNames.delete('');

  // Content containers, outermost first; ones inside chrome or holding little of the page are not.
  const candidates: HTMLElement[] = [];
  const collect = (element: HTMLElement) => {
    if (chrome.has(element) || dense.has(element) || NOT_TEXT.has(tagOf(element))) return;
    if (element !== body && looksContent(element) && size(element) >= size(body) * 0.3) candidates.push(element);
    for (const child of elementsOf(element)) collect(child);
  };
  collect(body);

  const isSitePage = candidates.length > 0 || [...chrome, ...dense].some((element) => (raw.get(element) ?? 0) > 0);
  if (!isSitePage) return { main: body, isSitePage, isChrome: () => false, sectionNames };

  /**
   * Whether the text of `outer` outside `inner` has a document's first lines in it (an
   * approval block, the document's name): then `inner` is only a part of the document —
   * Word puts a landscape table in a section of its own.
   */
  const leavesDocumentBehind = (outer: HTMLElement, inner: HTMLElement): boolean => {
    if (outer === inner) return false;
    if (!signals.get(outer)) return false;
    for (const child of elementsOf(outer)) {
      if (child === inner) continue;
      if (chrome.has(child)) continue;
      if (isAncestor(child, inner)) {
        if (leavesDocumentBehind(child, inner)) return true;
      } else if (signals.get(child)) return true;
    }
    return outer.childNodes.some((child) => child.nodeType === 3 && DOCUMENT_SIGNAL.test(textOf(child)));
  };

  // The biggest container, then ever-narrower ones that still hold most of it.
  let main = body;
  if (candidates.length) {
    main = candidates.reduce((best, element) => (size(element) > size(best) ? element : best));
    for (;;) {
      const inner = candidates.filter((element) => element !== main && isAncestor(main, element) && size(element) >= size(main) * 0.5);
      const next = inner.reduce<HTMLElement | undefined>((best, element) => (!best || size(element) >= size(best) ? element : best), undefined);
      if (!next || leavesDocumentBehind(main, next)) break;
      main = next;
    }
  }
  main = narrow(main, size, (outer, inner) => leavesDocumentBehind(outer, inner), chrome);

  // A block of the page that holds the site's navigation and little else (a logo beside the menu)
  // is the site's too, when the document shares its container with it (a constructor's rows of blocks).
  const holders = new Set<HTMLElement>();
  const findHolders = (element: HTMLElement) => {
    for (const child of elementsOf(element)) {
      if (chrome.has(child)) continue;
      const holdsNavigation = child.querySelectorAll('nav, header, footer, aside, [role]').some((inner) => chrome.has(inner) && (raw.get(inner) ?? 0) > 0);
      if (holdsNavigation && size(child) <= 200 && !signals.get(child) && !child.querySelector('table')) holders.add(child);
      else findHolders(child);
    }
  };
  findHolders(main);
  const isChrome = (element: HTMLElement) => chrome.has(element) || holders.has(element);

  // The page's heading: the CMS's title of the page, else the first <h1> that is not in the site's header.
  const outside = (element: HTMLElement) => element !== main && !isAncestor(main, element) && !isAncestor(element, main) && textOf(element) !== '';
  const inChrome = (element: HTMLElement) => [...chrome].some((c) => c === element || isAncestor(c, element));
  const headingElement =
    body
      .querySelectorAll('[class], [itemprop]')
      .find(
        (element) =>
          (/^headline$/i.test(element.getAttribute('itemprop') ?? '') || classesOf(element).some((name) => PAGE_TITLE_CLASS.test(name))) && outside(element),
      ) ?? body.querySelectorAll('h1').find((element) => outside(element) && !inChrome(element));
  return { main, isSitePage, isChrome, sectionNames, ...(headingElement ? { pageHeading: textOf(headingElement) } : {}) };
}

function isAncestor(outer: HTMLElement, inner: HTMLElement): boolean {
  for (let node: HTMLElement | null = inner.parentNode; node; node = node.parentNode) if (node === outer) return true;
  return false;
}

/**
 * From `start` down to the child that holds most of its text, while one does and nothing
 * of the document is left behind. A data table (the roadmap itself) is never entered:
 * the document is around it; a layout table (old uCoz and hand-made sites) is, through
 * the cell that holds the content.
 */
function narrow(
  start: HTMLElement,
  size: (element: HTMLElement) => number,
  leaves: (outer: HTMLElement, inner: HTMLElement) => boolean,
  chrome: Set<HTMLElement>,
): HTMLElement {
  let current = start;
  for (;;) {
    const own = size(current);
    if (!own) return current;
    const children = tagOf(current) === 'table' ? cellsOf(current) : elementsOf(current).filter((child) => !chrome.has(child));
    const biggest = children.reduce<HTMLElement | undefined>((best, child) => (!best || size(child) > size(best) ? child : best), undefined);
    if (!biggest || size(biggest) < own * (tagOf(current) === 'table' ? 0.6 : 0.5)) return current;
    if (tagOf(biggest) === 'table' && !isLayoutTable(biggest, size)) return current;
    if (wrapsDataTable(biggest, size)) return current;
    if (leaves(current, biggest)) return current;
    current = biggest;
  }
}

/** A table's own cells (not those of tables nested in them). */
function cellsOf(table: HTMLElement): HTMLElement[] {
  const cells: HTMLElement[] = [];
  const visit = (element: HTMLElement) => {
    for (const child of elementsOf(element)) {
      const tag = tagOf(child);
      if (tag === 'td' || tag === 'th') cells.push(child);
      else if (tag === 'tr' || tag === 'tbody' || tag === 'thead' || tag === 'tfoot') visit(child);
    }
  };
  visit(table);
  return cells;
}

/** A table that lays out a page: one of its cells holds most of its text. A roadmap's cells share it. */
const isLayoutTable = (table: HTMLElement, size: (element: HTMLElement) => number) => {
  const own = size(table);
  return own > 0 && cellsOf(table).some((cell) => size(cell) >= own * 0.6);
};

/** An element that is hardly more than a data table: entering it would leave the table's title behind. */
function wrapsDataTable(element: HTMLElement, size: (element: HTMLElement) => number): boolean {
  const own = size(element);
  if (!own) return false;
  const tables = element.querySelectorAll('table').filter((table) => !isLayoutTable(table, size));
  return tables.some((table) => size(table) >= own * 0.85);
}

/**
 * A line of a page's content area that is the site's, not the document's: breadcrumbs,
 * counters, publication dates, download and print links, share buttons, «Назад».
 */
const CHROME_LINES: RegExp[] = [
  /^(главная|на главную|главная страница|home)\s*([/»>→|\\]|$)/i,
  /^вы здесь\s*:/i,
  /^(просмотр(ов|ы|ено)?|прочитано|хиты|views?|hits)\s*:?\s*\d/i,
  /(^|\|\s*)просмотров\s*:\s*\d/i,
  // Only the date right after the word: «Создано 12 пар (на 01.09.2024)» is the document's.
  /^(дата\s+(публикации|создания|изменения|обновления|размещения|последнего изменения)|опубликовано|обновлено|изменено|создано|добавлено|размещено|последнее изменение|последние изменения)\s*[:(]?\s*(от\s+|в\s+)?\d{1,2}[./]\d{1,2}[./]\d{2,4}/i,
  /^(категория|рубрика|метки|теги|автор материала|добавил)\s*:/i,
  /^скачать(?![а-яё]).{0,90}$/i,
  /\((pdf|docx?|odt|rtf|xlsx?|zip|rar)[,;]?\s*\d+([.,]\d+)?\s*(кб|мб|kb|mb|байт)\)\s*$/i,
  /^\S+\.(pdf|docx?|odt|rtf|xlsx?)\s*[(—–-]?\s*\d+([.,]\d+)?\s*(кб|мб|kb|mb)\)?$/i,
  // A line of nothing but links' words: «Версия для печати», «Назад | Вперёд», «Поделиться: ВКонтакте Telegram».
  /^(?:(?:версия для печати|печать|распечатать|версия для слабовидящих|обычная версия(?: сайта)?|поделиться|поделитесь|вконтакте|одноклассники|telegram|телеграм|whatsapp|viber|подробнее|подробности|читать далее|читать полностью|назад|вперёд|вперед|вернуться(?: назад)?|возврат к списку|к списку|все новости|наверх|комментарии|всего комментариев|оставить комментарий|добавить комментарий|рейтинг|вложения|прикрепл[её]нные файлы|файлы)(?![а-яёa-z])[\s:.,«»<>←→↑()/|\d-]*)+$/i,
  /^(©|\(c\)\s|copyright(?![a-z]))/i,
];

export const isChromeLine = (text: string) => text.length <= 200 && CHROME_LINES.some((pattern) => pattern.test(text.trim()));

/** A line as the page heading test needs it. */
export interface LeadLine {
  text: string;
  /** From a heading (h1–h3) or a CMS's title element. */
  heading: boolean;
}

/**
 * Whether `lines[index]`, a heading before the document's first table, is the site's page
 * heading and not the document's title: it names a section of the site, or names nothing
 * that a document is called, or the document's approval or its own name come after it.
 */
/** A line that starts the document itself: its approval block or its name. */
export const startsDocument = (text: string) => APPROVAL.test(text) || DOCUMENT_NAME.test(text);

export function isPageHeading(lines: LeadLine[], index: number, sectionNames: Set<string>): boolean {
  const line = lines[index];
  if (!line.heading || APPROVAL.test(line.text)) return false;
  const later = lines.slice(index + 1);
  // A short heading may be a split title («ДОРОЖНАЯ КАРТА» over «реализации программы…»), a long one is a title.
  const short = line.text.split(/\s+/).length <= 6;
  if (short && !NAMES_DOCUMENT.test(line.text)) return true;
  if (sectionNames.has(nameKey(line.text)) && !!later[0] && startsDocument(later[0].text)) return true;
  if (short && later.some((next) => APPROVAL.test(next.text))) return true;
  // The document's own name further on, not the heading's continuation.
  return (
    DOCUMENT_NAME.test(line.text) && later.some((next, i) => i > 0 && DOCUMENT_NAME.test(next.text) && later.slice(0, i).some((between) => !between.heading))
  );
}
