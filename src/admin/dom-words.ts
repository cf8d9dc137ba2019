/**
 * What the editor shows that no locale phrase or widget prop reaches (issue 17, finding 8), put
 * into Russian on the page itself:
 *
 * - dnd-kit, which Decap's lists use for dragging, writes its screen-reader instructions and
 *   announcements («To pick up a draggable item…», «Picked up draggable item…») and the role
 *   «sortable» in English; Decap does not pass dnd-kit's `accessibility` options to change them.
 *   react-select names the cross on a chosen value «Remove …» (its other words: select-words.ts).
 * - A list item with nothing in its summary is called «No value» (ListControl, hard-coded); a
 *   reference field's menu says «Loading options…» while it searches (RelationControl).
 * - The editor's status says «Изменения сохранены» on a new entry nothing of which is saved: Decap
 *   picks the phrase by «changed or not» alone; the address tells a new entry (…/new).
 * - A list item's buttons (collapse, drag, remove) are icons without a name: a screen reader says
 *   just «button». They get the names from the locale (our keys editor.editorWidgets.list.item*).
 * - Decap writes a field's «optional» mark as « (…)» after the label; after a label that ends with
 *   its own parentheses («Идентификатор (латиницей, часть адреса страницы)») it becomes a dash.
 * - Labels, statuses and messages are set in capitals by Decap's styles (text-transform), which
 *   makes Russian text hard to read; the date field's «UTC» mark means nothing for a date without
 *   time. A style element of ours undoes both.
 *
 * Patching Decap in node_modules is ruled out, and none of these is a component Decap lets us
 * replace; so a MutationObserver rewrites exactly these texts, found by the table below, and
 * nothing else. React leaves a text node alone until its own value changes, and when it does write
 * one again the observer sees that and rewrites it.
 */

import { phrase, type Phrases } from './phrases-ru.ts';

/** Whole texts written in English by code, and what a Russian reader sees instead. */
export const HARD_CODED_TEXT: [RegExp, string][] = [
  [
    /^\s*To pick up a draggable item, press the space bar\.\s+While dragging, use the arrow keys to move the item\.\s+Press space again to drop the item in its new position, or press escape to cancel\.\s*$/,
    'Чтобы переставить элемент, нажмите пробел, переместите его стрелками и нажмите пробел ещё раз. Отменить — клавиша Esc.',
  ],
  [/^Picked up draggable item .*\.$/s, 'Элемент взят. Перемещайте его стрелками, поставьте — пробелом.'],
  [/^Draggable item .* was moved over droppable area .*\.$/s, 'Элемент перемещён.'],
  [/^Draggable item .* is no longer over a droppable area\.$/s, 'Элемент за пределами списка.'],
  [/^Draggable item .* was dropped over droppable area .*$/s, 'Элемент поставлен на новое место.'],
  [/^Dragging was cancelled\. Draggable item .* was dropped\.$/s, 'Перемещение отменено.'],
  [/^Draggable item .* was dropped\.$/s, 'Элемент поставлен.'],
  [/^No [A-Za-z_]\w*$/, 'не заполнено'],
  // The reference field's menu while it searches (RelationControl passes this to react-select itself).
  [/^Loading options…$/, 'Загрузка…'],
];

/** Attribute values written in English by code: the value, and its Russian (`$1` is what the pattern caught). */
export const HARD_CODED_ATTRIBUTES: Record<string, [RegExp, string][]> = {
  'aria-roledescription': [[/^sortable$/, 'перемещаемый элемент']],
  // react-select's cross on a chosen value of a multiple reference (forms, mentors).
  'aria-label': [[/^Remove (.+)$/s, 'Убрать: $1']],
};

/** The editor's own styles over Decap's: no capitals set by styles; no «UTC» beside a date without time. */
const STYLE = `
body * { text-transform: none !important; }
input[type="date"] + span { display: none !important; }
`;

const translateText = (text: string): string | undefined => HARD_CODED_TEXT.find(([english]) => english.test(text))?.[1];

export function translateHardCoded(phrases: Phrases): void {
  if (typeof document === 'undefined') return;
  const optional = ` (${phrase(phrases, 'editor.editorControl.field.optional')})`;
  const optionalAfterParentheses = ` — ${phrase(phrases, 'editor.editorControl.field.optional')}`;
  const saved = phrase(phrases, 'editor.editorToolbar.changesSaved');
  const notSavedYet = phrase(phrases, 'editor.editorToolbar.notSavedYet');
  const itemToggle = phrase(phrases, 'editor.editorWidgets.list.itemToggle');
  const itemMove = phrase(phrases, 'editor.editorWidgets.list.itemMove');
  const itemRemove = phrase(phrases, 'editor.editorWidgets.list.itemRemove');
  const isNewEntry = () => /^#\/collections\/[^/]+\/new(?:[?/]|$)/.test(location.hash);

  function fixText(node: Text) {
    const text = node.data;
    const parent = node.parentElement;
    if (!parent) return;
    const russian = translateText(text);
    if (russian !== undefined) {
      node.data = russian;
      return;
    }
    if (parent.closest('a[href^="#/collections/"]')) {
      if (text === saved && isNewEntry()) node.data = notSavedYet;
      else if (text === notSavedYet && !isNewEntry()) node.data = saved;
      return;
    }
    if (parent.tagName === 'LABEL') {
      // A label's own text: React reuses the element for another field's label, so its mark is decided again.
      if (node.nextSibling instanceof HTMLSpanElement) fixOptional(node.nextSibling);
    } else if (parent.tagName === 'SPAN' && parent.parentElement?.tagName === 'LABEL') fixOptional(parent);
  }

  /** The «optional» mark after a label: in parentheses, or after a dash when the label ends with its own. */
  function fixOptional(span: HTMLSpanElement) {
    const mark = span.firstChild;
    if (!(mark instanceof Text) || (mark.data !== optional && mark.data !== optionalAfterParentheses)) return;
    const wanted = (span.previousSibling?.textContent ?? '').trimEnd().endsWith(')') ? optionalAfterParentheses : optional;
    if (mark.data !== wanted) mark.data = wanted;
  }

  const unnamed = (element: Element | null): element is Element =>
    !!element && !element.getAttribute('aria-label') && !element.getAttribute('title') && !element.textContent?.trim();

  /** A list item's top bar: [collapse button] [drag handle (dnd-kit: role=button, aria-roledescription)] [remove button]. */
  function nameItemButtons(handle: Element) {
    if (handle.getAttribute('role') !== 'button') return;
    if (unnamed(handle)) handle.setAttribute('aria-label', itemMove);
    const [before, after] = [handle.previousElementSibling, handle.nextElementSibling];
    if (before?.tagName === 'BUTTON' && unnamed(before)) before.setAttribute('aria-label', itemToggle);
    if (after?.tagName === 'BUTTON' && unnamed(after)) after.setAttribute('aria-label', itemRemove);
  }

  function fixAttributes(element: Element) {
    for (const [name, table] of Object.entries(HARD_CODED_ATTRIBUTES)) {
      const value = element.getAttribute(name);
      const rule = value === null ? undefined : table.find(([english]) => english.test(value));
      if (rule) element.setAttribute(name, value!.replace(rule[0], rule[1]));
    }
    if (element.hasAttribute('aria-roledescription')) nameItemButtons(element);
  }

  function fix(node: Node) {
    if (node.nodeType === Node.TEXT_NODE) return fixText(node as Text);
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    fixAttributes(node as Element);
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let next = walker.nextNode(); next; next = walker.nextNode()) {
      if (next.nodeType === Node.TEXT_NODE) fixText(next as Text);
      else fixAttributes(next as Element);
    }
  }

  const style = document.createElement('style');
  style.textContent = STYLE;
  document.head.append(style);

  const attributeFilter = Object.keys(HARD_CODED_ATTRIBUTES);
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'childList') record.addedNodes.forEach(fix);
      else if (record.type === 'characterData') fixText(record.target as Text);
      else fixAttributes(record.target as Element);
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter });
  // Decap moves from a new entry to the saved one by changing the address, without touching the status text.
  addEventListener('hashchange', () => fix(document.body));
  fix(document.body);
}
