/**
 * The build's validation in the editor (issue 17): what the editor saves, the build accepts.
 *
 * - On the field itself: every widget is wrapped so that, when Decap validates it, it also runs
 *   the collection's schema over the whole entry and shows the schema's message for this field
 *   (ranges, patterns, and rules across fields such as «a minor ⇒ the parent's consent», «a cover
 *   ⇒ its description»). The field's place in the entry is `schema_path`, set by cms/schema-fields.ts.
 * - Before saving: the content checks that look across entries (src/integrity/entries.ts — the
 *   build's own: references, demo marks, links in texts) run over every entry with this one in
 *   place of its file; a problem stops the save with the build's words.
 * - Before deleting (Decap's preUnpublish): an entry that others refer to is not deleted; the
 *   message lists them.
 * - After a refused save: a summary that names every field in question and takes the curator to
 *   the first one (Decap's own notice names none).
 */
import { Component, createElement as h, createRef } from 'react';
import { fromJS } from 'immutable';
import type CMS from 'decap-cms-app';
import { CONTENT_DIR } from '../../cms/config.ts';
import { collectionSpec, COLLECTIONS, entryExtension, schemaFor, type CollectionName } from '../schemas/collections.ts';
import { editorLabel, fieldMetaAt } from '../schemas/field-names.ts';
import { cmsTools } from '../../cms/schema-fields.ts';
import { checkEntries, checkEntry, referrersOf, type EntrySource } from '../integrity/entries.ts';
import type { ContentProblem } from '../integrity/check.ts';
import { EntryReadError, readEntry } from '../integrity/read-entry.ts';
import { fieldOfEntry, pruneEmpty, withoutRefusedEmpties } from './entry-data.ts';
import { onBackend, type Implementation } from './backend.ts';

type Cms = typeof CMS;
interface Immutable {
  get(key: string, fallback?: unknown): any;
  getIn(path: (string | number)[]): any;
  toJS(): any;
}

// ---- the build's message on the field ---------------------------------------------------------

/** The other entries, as last read through the backend: the field checks look across entries with them; the save reads afresh. */
let others: EntrySource[] | undefined;
let loading: Promise<void> | undefined;
function refreshOthers() {
  loading ??= loadSources()
    .then((sources) => {
      others = sources;
    })
    .catch(() => {})
    .finally(() => {
      loading = undefined;
    });
}

const schemas = new Map<CollectionName, ReturnType<typeof schemaFor>>();
/** The form's data as the file will hold it: without the emptied fields the schema refuses. */
function fileData(collection: CollectionName, data: Record<string, unknown>): Record<string, unknown> {
  if (!schemas.has(collection)) schemas.set(collection, schemaFor(collection, cmsTools));
  const { body, ...fields } = data;
  return { ...withoutRefusedEmpties(schemas.get(collection)!, fields), ...(body === undefined ? {} : { body }) };
}

/** The entry in the form as a source of the check: its file, its fields as the file will hold them, its text. */
function draftSource(entry: Immutable): EntrySource | undefined {
  const collection = entry.get('collection') as CollectionName;
  if (!COLLECTIONS.includes(collection)) return undefined;
  const { body, ...data } = fileData(collection, entry.get('data')?.toJS?.() ?? {}) as Record<string, unknown> & { body?: string };
  const id = String(entry.get('slug') || data.id || 'novaya-zapis');
  return { collection, id, file: fileOf(collection, id), data, body };
}

/** The build's problems with the entry in the form, by the form's data they were found in: a save checks it once for all its fields. */
let lastChecked: { data: unknown; others: unknown; problems: ContentProblem[] } | undefined;
function draftProblems(entry: Immutable): ContentProblem[] {
  const data: unknown = entry.get('data');
  if (lastChecked && lastChecked.data === data && lastChecked.others === others) return lastChecked.problems;
  const draft = draftSource(entry);
  const problems: ContentProblem[] = [];
  if (draft) {
    if (others === undefined) refreshOthers();
    const rest = (others ?? []).filter((s) => !(s.collection === draft.collection && s.id === draft.id));
    // Until the others are read, the schema alone: a reference to an entry not yet read is not dangling.
    if (others) checkEntries([...rest, draft], problems, siteEnv());
    else checkEntry(draft, problems);
  }
  const own = problems.filter((p) => p.file === draft?.file);
  lastChecked = { data, others, problems: own };
  return own;
}

/** «stages[2].items[1].deadline» → ['stages', 1, 'items', 0, 'deadline']: formatPath read back. */
const parsePath = (field: string): PropertyKey[] =>
  field.split('.').flatMap((part) => {
    const [name, ...indices] = part.split('[');
    return [...(name ? [name] : []), ...indices.map((index) => Number.parseInt(index, 10) - 1)];
  });
const pattern = (path: PropertyKey[]) => path.map((part) => (typeof part === 'number' ? '*' : String(part))).join('.');
/** Two values of a field alike, whatever Decap left empty in them. */
const same = (a: unknown, b: unknown) => JSON.stringify(pruneEmpty(a) ?? null) === JSON.stringify(pruneEmpty(b) ?? null);

/** Whether a problem's field (formatPath form) is the field at `schemaPath` holding `value`; in a list, the item whose value it is. */
function fieldMessagesMatch(field: string, entryData: Record<string, unknown>, schemaPath: string, value: unknown): boolean {
  const path = parsePath(field);
  return pattern(path) === schemaPath && (!schemaPath.includes('*') || same(fieldOfEntry(entryData, path), value));
}

/** The build's messages for the field at `schemaPath` holding `value`. */
export function fieldMessages(problems: ContentProblem[], entryData: Record<string, unknown>, schemaPath: string, value: unknown): string[] {
  return [...new Set(problems.filter(({ field }) => field && fieldMessagesMatch(field, entryData, schemaPath, value)).map((p) => p.message))];
}

/** A field as the editor names it, down its groups: «Согласие на публикацию → Кто дал согласие». */
export function fieldTitle(collection: CollectionName, field: string): string {
  const labels = fieldMetaAt(schemaFor(collection, cmsTools), parsePath(field))
    .map((meta) => meta.label)
    .filter((label): label is string => Boolean(label));
  return labels.length ? [...new Set(labels)].map(editorLabel).join(' → ') : field;
}

const isEmptyValue = (value: unknown) =>
  value === undefined || value === null || value === '' || (typeof (value as { size?: number })?.size === 'number' && (value as { size: number }).size === 0);

/** Fields refused in the last validation pass, in the form's order. */
interface Refused {
  label: string;
  /** The control's id, when the field is on the form. */
  forID?: string;
  messages: string[];
}
let pass: { validated: number; refused: Refused[] } | undefined;

/** A pass that validated more than one field is a save (a blur validates one): say what stopped it. */
function noteValidation(refused?: Refused) {
  if (!pass) {
    pass = { validated: 0, refused: [] };
    setTimeout(() => {
      const done = pass!;
      pass = undefined;
      if (done.validated > 1) showRefusal(done.refused);
    }, 0);
  }
  pass.validated++;
  if (refused) pass.refused.push(refused);
}

type Props = Record<string, any> & { field: Immutable; value: unknown; collection: Immutable; getEntry?: () => Immutable; forID: string };

/** The fields on the form now, for taking the curator to the one a problem is about. */
const mounted = new Set<{ props: Props }>();

/** The form's control for a problem's field (formatPath form), when it is on the form. */
function controlFor(field: string, entryData: Record<string, unknown>): { props: Props } | undefined {
  for (const control of mounted) {
    const schemaPath = control.props.field.get('schema_path');
    if (!schemaPath) continue;
    const value = (control.props.value as Immutable)?.toJS?.() ?? control.props.value;
    if (fieldMessagesMatch(field, entryData, schemaPath, value)) return control;
  }
  return undefined;
}

/** A Decap control that also answers for the schema: see the top of this file. */
function checked(Control: any) {
  return class SchemaChecked extends Component<Props> {
    static displayName = `SchemaChecked(${Control.displayName ?? Control.name ?? 'Control'})`;
    inner = createRef<any>();

    componentDidMount() {
      mounted.add(this);
    }
    componentWillUnmount() {
      mounted.delete(this);
    }

    /** Decap calls the control's own validate when it has one (lists, objects); else its wrapper's, which calls isValid. */
    validate = () => {
      const inner = this.inner.current;
      if (inner?.validate) inner.validate();
      else this.props.validate?.();
      const own = this.ownMessages();
      const presence = this.props.field.get('required', true) !== false && isEmptyValue(this.props.value);
      noteValidation(
        own.length || presence
          ? { label: this.props.field.get('label', this.props.field.get('name')), forID: this.props.forID, messages: presence ? ['нужно заполнить'] : own }
          : undefined,
      );
    };

    isValid = () => {
      const own = this.inner.current?.isValid?.();
      if (own instanceof Promise || own === false || (own && typeof own === 'object' && own.error)) return own;
      const messages = this.ownMessages();
      if (!messages.length) return { error: false };
      return { error: { type: 'CUSTOM', parentIds: this.props.parentIds, message: messages.join('; ') } };
    };

    /** The schema's messages for this field, but not «fill it in» where Decap already says so. */
    ownMessages(): string[] {
      const schemaPath = this.props.field.get('schema_path');
      const entry = this.props.getEntry?.() ?? this.props.entry;
      if (!schemaPath || !entry) return [];
      const required = this.props.field.get('required', true) !== false;
      if (required && isEmptyValue(this.props.value)) return [];
      // A value that fails the field's pattern is already reported by Decap, in the same words.
      const pattern = this.props.field.get('pattern');
      if (pattern && !isEmptyValue(this.props.value) && !new RegExp(pattern.first()).test(String(this.props.value))) return [];
      const value = (this.props.value as Immutable)?.toJS?.() ?? this.props.value;
      return fieldMessages(draftProblems(entry), entry.get('data')?.toJS?.() ?? {}, schemaPath, value);
    }

    /**
     * Decap asks the control whether to redraw (its wrapper compares the value only, unless the control
     * answers itself): lists and groups answer «always», so their fields show their errors after a check.
     */
    shouldComponentUpdate(next: Props) {
      const inner = this.inner.current;
      if (inner?.shouldComponentUpdate) return inner.shouldComponentUpdate.call(inner, next);
      return this.props.value !== next.value || this.props.classNameWrapper !== next.classNameWrapper || this.props.hasActiveStyle !== next.hasActiveStyle;
    }

    focus = (path?: string) => this.inner.current?.focus?.(path);
    getValidateValue = () => this.inner.current?.getValidateValue?.();

    render() {
      return h(Control, { ...this.props, ref: this.inner });
    }
  };
}

// ---- the summary after a refused save --------------------------------------------------------

const SUMMARY_ID = 'save-refused';

/** Names every refused field and takes the curator to the first; a live region, so a screen reader reads it too. */
function showRefusal(refused: Refused[], heading = 'Запись не сохранена') {
  document.getElementById(SUMMARY_ID)?.remove();
  if (!refused.length) return;
  const box = document.createElement('div');
  box.id = SUMMARY_ID;
  box.setAttribute('role', 'alert');
  box.style.cssText =
    'position:fixed;z-index:10000;right:1rem;bottom:1rem;max-width:32rem;max-height:50vh;overflow:auto;padding:1rem 1.25rem;background:#fff;border:3px solid #b3261e;border-radius:6px;box-shadow:0 4px 16px rgba(0,0,0,.25);font:16px/1.4 sans-serif;color:#1a1a1a';
  const title = document.createElement('p');
  title.style.cssText = 'margin:0 0 .5rem;font-weight:bold';
  title.textContent = refused.length === 1 ? `${heading}: исправьте поле` : `${heading}: исправьте поля (${refused.length})`;
  const list = document.createElement('ul');
  list.style.cssText = 'margin:0 0 .5rem;padding-left:1.25rem';
  for (const { label, forID, messages } of refused) {
    const item = document.createElement('li');
    if (forID) {
      const link = document.createElement('a');
      link.href = `#${forID}`;
      link.textContent = `«${label}»`;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        goTo(forID);
      });
      item.append(link);
    } else item.append(`«${label}»`);
    item.append(` — ${messages.join('; ')}`);
    list.append(item);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Закрыть';
  close.addEventListener('click', () => box.remove());
  box.append(title, list, close);
  document.body.append(box);
  const first = refused.find((r) => r.forID)?.forID;
  if (first) goTo(first);
}

function goTo(forID: string) {
  const control = document.getElementById(forID);
  const label = document.querySelector(`label[for="${forID}"]`);
  (label ?? control)?.scrollIntoView({ block: 'center' });
  control?.focus({ preventScroll: true });
}

// ---- checks across entries: before saving and before deleting --------------------------------

/** The backend Decap works with (local decap-server or a git host), caught when Decap makes it. */
let backend: Implementation | undefined;
function catchBackend(cms: Cms) {
  onBackend(cms, (made) => {
    backend = made;
    // Read the entries now, so that the first save already checks across them on the fields.
    queueMicrotask(refreshOthers);
  });
}

const fileOf = (collection: CollectionName, id: string) => `${CONTENT_DIR}/${collectionSpec(collection).dir}/${id}${entryExtension(collection)}`;

/** Every entry as its file holds it, read through the backend; a file that does not read is left to the build's check. */
async function loadSources(): Promise<EntrySource[]> {
  if (!backend) return [];
  const perCollection = await Promise.all(
    COLLECTIONS.map(async (collection) => {
      const spec = collectionSpec(collection);
      const files = spec.singleFile
        ? [await backend!.getEntry(fileOf(collection, spec.singleFile.id)).catch(() => undefined)].filter((f) => f !== undefined)
        : await backend!.entriesByFolder(`${CONTENT_DIR}/${spec.dir}`, entryExtension(collection).slice(1), 1);
      return files.flatMap(({ data, file }) => {
        const name = file.path.split('/').pop()!;
        try {
          const raw = readEntry(name, data);
          return [{ collection, id: name.replace(/\.[^.]+$/, ''), file: file.path, data: raw.data, body: raw.body }];
        } catch (error) {
          if (error instanceof EntryReadError) return [];
          throw error;
        }
      });
    }),
  );
  return perCollection.flat();
}

/** The base path the site is published under, from the editor's own address (…/admin/). */
const siteEnv = () => ({ BASE_PATH: location.pathname.replace(/admin\/?[^/]*$/, '') || '/' });

const problemLines = (collection: CollectionName, problems: ContentProblem[]) =>
  problems.map((p) => `• ${p.field ? `«${fieldTitle(collection, p.field)}»: ` : ''}${p.message}`).join('\n');

/** The entry being saved, as its file will hold it, checked with every other entry read afresh. */
async function checkBeforeSave(entry: Immutable) {
  const draft = draftSource(entry);
  if (!draft) return;
  others = await loadSources();
  const problems: ContentProblem[] = [];
  checkEntries([...others.filter((s) => !(s.collection === draft.collection && s.id === draft.id)), draft], problems, siteEnv());
  const own = problems.filter((p) => p.file === draft.file);
  if (!own.length) return;
  showRefusal(
    own.map(({ field, message }) => ({
      label: field ? fieldTitle(draft.collection, field) : 'Запись целиком',
      forID: field ? controlFor(field, draft.data)?.props.forID : undefined,
      messages: [message],
    })),
    'Сайт не примет эту запись',
  );
  throw new Error(`сайт не примет эту запись:\n${problemLines(draft.collection, own)}`);
}

/** Refuses to delete an entry that other entries refer to, naming each of them and the field. */
async function checkBeforeDelete(entry: Immutable) {
  const collection = entry?.get('collection') as CollectionName;
  const id = entry?.get('slug') as string;
  if (!COLLECTIONS.includes(collection) || !id) return;
  const referrers = referrersOf({ collection, id }, await loadSources(), siteEnv());
  if (!referrers.length) return;
  const name = (source: EntrySource) => {
    const spec = collectionSpec(source.collection);
    const title = fieldOfEntry(source.data, spec.nameField.split('.'));
    // A mentor's name is a group of fields; the others' is one text.
    const text =
      title && typeof title === 'object' ? [(title as { first?: string }).first, (title as { last?: string }).last].filter(Boolean).join(' ') : title;
    const shown = typeof text === 'string' && text ? text : source.id;
    return `${spec.single.toLowerCase()} ${/^«.*»$/.test(shown) ? shown : `«${shown}»`}`;
  };
  const lines = referrers.map(
    ({ source, field }) => `• ${name(source)} — ${field === 'body' ? 'ссылка в тексте' : `поле «${fieldTitle(source.collection, field)}»`}`,
  );
  throw new Error(
    `запись не удалена: на неё ссылаются другие записи, и на сайте эти ссылки никуда бы не вели. Сначала уберите ссылки:\n${[...new Set(lines)].join('\n')}`,
  );
}

export function registerValidation(cms: Cms): void {
  // Every widget registered so far, ours included; the body's Markdown has no schema of its own.
  // Its registry record is changed in place: registering anew would warn once per widget and drop no option.
  for (const { name } of (cms as unknown as { getWidgets(): { name: string }[] }).getWidgets()) {
    if (name === 'markdown') continue;
    const widget = cms.getWidget(name) as unknown as { control: unknown };
    widget.control = checked(widget.control);
  }
  catchBackend(cms);
  cms.registerEventListener({
    name: 'preSave',
    handler: async ({ entry }: { entry: Immutable }) => {
      await checkBeforeSave(entry);
      // The file leaves an emptied field out, as the build wants it.
      const collection = entry.get('collection') as CollectionName;
      return COLLECTIONS.includes(collection) ? fromJS(fileData(collection, entry.get('data').toJS())) : undefined;
    },
  });
  cms.registerEventListener({ name: 'preUnpublish', handler: async ({ entry }: { entry: Immutable }) => checkBeforeDelete(entry) });
  // What changed on disk: the field checks look across entries as they now are.
  cms.registerEventListener({ name: 'postSave', handler: () => refreshOthers() });
  cms.registerEventListener({ name: 'postUnpublish', handler: () => refreshOthers() });
}
