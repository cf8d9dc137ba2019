/**
 * Numbers the Russian way (issue 17, finding 5): every number field of the editor (cms/schema-fields.ts
 * makes them Decap's `number` widget) takes «3,4» as well as «3.4» and shows a number back with a
 * comma. Decap's own control is an `<input type="number">`, which drops the comma — «3,4» was saved
 * as 34 — and empties itself on a word, so a year typed as «двадцатый» vanished without a word.
 *
 * Here the field is a text input: what the curator typed stays in it, a number is stored as a
 * number, and text that is not one is stored as typed, so that `isValid()` refuses the save with a
 * Russian message on the field and nothing is lost silently.
 */
import { Component, createElement, type ComponentType } from 'react';
import type CMS from 'decap-cms-app';
import { registerDeadline } from './deadline-widget.ts';

interface FieldLike {
  get(key: string, fallback?: unknown): unknown;
}
interface ControlProps {
  value?: unknown;
  onChange(value: unknown): void;
  forID: string;
  classNameWrapper: string;
  setActiveStyle(): void;
  setInactiveStyle(): void;
  field: FieldLike;
  t(key: string, options?: Record<string, unknown>): string;
}

/**
 * What a typed number means: «3,4», «3.4», «−2», «1 250», «,5» → the number; anything else → undefined.
 * Spaces are thousands separators in Russian; a comma or a point is the decimal separator.
 */
export function parseNumber(text: string): number | undefined {
  const s = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^[\u2212\u2013]/, '-')
    .replace(',', '.');
  if (!/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(s)) return undefined;
  return Number(s);
}

/** A stored value as the field shows it: 3.4 → «3,4»; text kept from a failed entry as it is. */
export function numberText(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', ',') : '';
  return typeof value === 'string' ? value : '';
}

const isInteger = (field: FieldLike) => field.get('value_type') === 'int';

/** What the field stores for what was typed: a number, nothing for an empty field, else the text itself. */
export function valueOf(text: string, integer: boolean): number | string | undefined {
  if (text.trim() === '') return undefined;
  const n = parseNumber(text);
  return n === undefined || (integer && !Number.isInteger(n)) ? text : n;
}

/** Why a stored value cannot be saved, in the curator's words; undefined when it can. */
export function numberProblem(value: unknown, label: string, integer: boolean): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : parseNumber(String(value));
  const example = /год/i.test(label) ? '2024' : integer ? '12' : '3,4';
  if (n === undefined || !Number.isFinite(n)) return `«${label}»: «${String(value)}» — не число. Напишите цифрами, например ${example}`;
  if (integer && !Number.isInteger(n)) return `«${label}»: здесь нужно целое число, а написано «${numberText(value)}»`;
  // Text that reads as a number but was stored as text (a hand-edited file): typing it again stores the number.
  if (typeof value !== 'number') return `«${label}»: «${value}» записано текстом — введите число заново`;
  return undefined;
}

/**
 * The control: a text input with a decimal keyboard on phones. It keeps the text as typed while
 * the stored value means the same («3,» while typing 3,5), and shows the stored value again when
 * it changes from elsewhere (another entry, a restored draft).
 */
export class NumberControl extends Component<ControlProps, { text: string }> {
  state = { text: numberText(this.props.value) };
  /** The last value this control stored: a change from elsewhere is any other. */
  private stored: unknown = this.props.value;

  componentDidUpdate(previous: ControlProps) {
    const { value } = this.props;
    if (value !== previous.value && value !== this.stored) {
      this.stored = value;
      this.setState({ text: numberText(value) });
    }
  }

  isValid = () => {
    const { field, value, t } = this.props;
    const label = String(field.get('label', field.get('name')));
    const problem = numberProblem(value, label, isInteger(field));
    if (problem) return { error: { type: 'CUSTOM', message: problem } };
    const [min, max] = [field.get('min'), field.get('max')] as (number | undefined)[];
    if (typeof value !== 'number') return true;
    const vars = { fieldLabel: label, minValue: min, maxValue: max };
    if (min !== undefined && max !== undefined && (value < min || value > max))
      return { error: { type: 'RANGE', message: t('editor.editorControlPane.widget.range', vars) } };
    if (min !== undefined && value < min) return { error: { type: 'RANGE', message: t('editor.editorControlPane.widget.min', vars) } };
    if (max !== undefined && value > max) return { error: { type: 'RANGE', message: t('editor.editorControlPane.widget.max', vars) } };
    return true;
  };

  private handleChange = (event: { target: { value: string } }) => {
    const text = event.target.value;
    const value = valueOf(text, isInteger(this.props.field));
    this.stored = value;
    this.setState({ text });
    this.props.onChange(value);
  };

  render() {
    const { forID, classNameWrapper, setActiveStyle, setInactiveStyle, field } = this.props;
    return createElement('input', {
      type: 'text',
      id: forID,
      className: classNameWrapper,
      inputMode: isInteger(field) ? 'numeric' : 'decimal',
      autoComplete: 'off',
      spellCheck: false,
      value: this.state.text,
      onFocus: setActiveStyle,
      onBlur: setInactiveStyle,
      onChange: this.handleChange,
    });
  }
}

/** The part of Decap's registry used here, as it is at run time (its types omit `schema`). */
interface Registry {
  registerWidget(name: string, control: unknown, preview?: unknown, schema?: unknown): void;
  getWidget(name: string): { preview?: ComponentType<{ value?: unknown }>; schema?: unknown } | undefined;
}

/**
 * Replaces Decap's `number` widget by name (a later registration wins), keeping its preview — fed
 * the number with a comma — and the options it accepts (value_type, min, max, step).
 */
export function registerNumbers(cms: typeof CMS): void {
  const registry = cms as unknown as Registry;
  const builtIn = registry.getWidget('number');
  const Preview = builtIn?.preview;
  const preview = (props: { value?: unknown }) =>
    Preview ? createElement(Preview, { ...props, value: numberText(props.value) }) : createElement('span', null, numberText(props.value));
  registry.registerWidget('number', NumberControl, preview, builtIn?.schema ?? {});
  // The deadline's dates follow its text (finding 11): registered with the numbers, which cms.ts calls.
  registerDeadline(cms);
}
