/**
 * Phrases Decap's widgets build from a field rather than take from the locale, made Russian by
 * handing the widget the words (issue 17, finding 8). Each wrapper renders Decap's own control
 * with a changed `field` or `t` and passes the ref through, so Decap still talks to its control.
 *
 * - A list's heading is «{count} {label}» and its button «Добавить {label_singular}» (ListControl):
 *   the wrapper gives it the label in the form the count needs («5 наград», «1 награда») and the
 *   accusative for the button («Добавить награду»), both from cms/wording.ts.
 * - A date's «Сейчас» button is labelled for screen readers with the field's key («Set date to
 *   now»): the wrapper names the field by its label and, for a date without time, says «Сегодня».
 * - A reference's preview shows the other entry's name, not its id (previews.ts).
 */
import type CMS from 'decap-cms-app';
import { createElement, forwardRef, type ComponentType } from 'react';
import { countedForm, type CountedForms } from '../../cms/wording.ts';
import { RelationPreview } from './previews.ts';

interface ImmutableMap {
  get(key: string): any;
  set(key: string, value: unknown): ImmutableMap;
  toJS(): any;
}
type Translate = (key: string, options?: Record<string, unknown>) => string;
/** What the wrappers read of a control's props; the rest is passed on as it is. */
interface ControlProps {
  field: ImmutableMap;
  value?: { size?: number } | null;
  t: Translate;
}

/**
 * `make(key, variant)` made once per object (a field's map, Decap's `t`) and variant: each render
 * hands the control the same field and `t` as before, so nothing re-renders for a new object.
 */
function memo<K extends object, V>(make: (key: K, variant: string) => V) {
  const cache = new WeakMap<K, Map<string, V>>();
  return (key: K, variant: string): V => {
    let byVariant = cache.get(key);
    if (!byVariant) cache.set(key, (byVariant = new Map()));
    if (!byVariant.has(variant)) byVariant.set(variant, make(key, variant));
    return byVariant.get(variant)!;
  };
}

/** A registered widget with its control replaced by `wrap(control)`, everything else (preview, schema, styles) kept. */
function rewrap(cms: typeof CMS, name: string, wrap: (control: ComponentType<any>) => ComponentType<any>, preview?: ComponentType<any>) {
  const widget = cms.getWidget(name) as unknown as Record<string, unknown> & { control: ComponentType<any>; preview?: ComponentType<any> };
  if (!widget) return;
  const { control, preview: ownPreview, ...rest } = widget;
  cms.registerWidget({ ...rest, name, controlComponent: wrap(control), previewComponent: preview ?? ownPreview } as any);
}

const LIST_ADD = 'editor.editorWidgets.list.add';

/** The list field as ListControl should word it for this count: the heading's form as both its labels. */
const countedField = memo((field: ImmutableMap, form: string) => field.set('label', form).set('label_singular', form));
/** «Добавить награду»: the accusative from the config instead of the form the heading uses. */
const addingT = memo(
  (t: Translate, accusative: string): Translate =>
    (key, options) =>
      key === LIST_ADD ? t(key, { ...options, item: accusative }) : t(key, options),
);

function wordedList(List: ComponentType<any>) {
  return forwardRef<unknown, ControlProps>(function WordedList(props, ref) {
    const counted = props.field.get('label_counted') as ImmutableMap | undefined;
    if (!counted) return createElement(List, { ...props, ref });
    const forms = counted.toJS() as CountedForms;
    const count = props.value?.size ?? 0;
    const accusative = String(props.field.get('label_singular') ?? forms.one);
    return createElement(List, { ...props, ref, field: countedField(props.field, countedForm(count, forms)), t: addingT(props.t, accusative) });
  });
}

const NOW = 'editor.editorWidgets.datetime.now';
const SET_TO_NOW = 'editor.editorWidgets.datetime.setToNow';

const dateT = memo(
  (t: Translate, variant: string): Translate =>
    (key, options) => {
      const [label, dateOnly] = JSON.parse(variant) as [string, boolean];
      if (key === NOW && dateOnly) return t('editor.editorWidgets.datetime.today');
      if (key === SET_TO_NOW) return t(dateOnly ? 'editor.editorWidgets.datetime.setToToday' : key, { ...options, fieldLabel: label });
      return t(key, options);
    },
);

function wordedDate(DateTime: ComponentType<any>) {
  return forwardRef<unknown, ControlProps>(function WordedDate(props, ref) {
    const label = String(props.field.get('label') ?? props.field.get('name'));
    const dateOnly = props.field.get('time_format') === false;
    return createElement(DateTime, { ...props, ref, t: dateT(props.t, JSON.stringify([label, dateOnly])) });
  });
}

export function registerWidgetWords(cms: typeof CMS): void {
  rewrap(cms, 'list', wordedList);
  rewrap(cms, 'datetime', wordedDate);
  rewrap(cms, 'relation', (control) => control, RelationPreview);
}
