/**
 * The deadline of a roadmap item, edited as one thing (issue 17, finding 11): the curator types the
 * text as the document has it («апрель 2024», «до 30.11.2026»), and «начало срока», «окончание
 * срока» and the kind of deadline follow it, read by the importer's parser (src/import/deadline.ts)
 * with the roadmap's period for a month without a year. Dates the curator set by hand are never
 * replaced; where they and the text disagree, the schema says so (src/schemas/roadmaps.ts).
 *
 * Decap's `object` control draws the fields; this widget only adds the filling. The Decap config
 * names it `widget: 'deadline'` on the deadline object (cms/schema-fields.ts).
 */
import { Component, createElement, type ComponentType } from 'react';
import type CMS from 'decap-cms-app';
import { parseDeadline, type Period } from '../import/deadline.ts';
import { isoDate } from '../lib/format.ts';

export const DEADLINE_WIDGET = 'deadline';

/** A deadline as the editor holds it: dates as «YYYY-MM-DD» (the fields' `format`). */
export interface DeadlineFields {
  text?: string;
  from?: string;
  to?: string;
  kind?: string;
}
/** What the widget filled in last: the values it may still replace. */
export type Filled = Pick<DeadlineFields, 'from' | 'to' | 'kind'>;

const day = (value: unknown): Date | undefined => {
  if (value instanceof Date) return value;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

/** The roadmap's period, where the entry has one: a month without a year is read in it. */
export function periodOf(from: unknown, to: unknown): Period | undefined {
  const [a, b] = [day(from), day(to)];
  return a && b ? { from: a, to: b } : undefined;
}

/**
 * The deadline after its text changed: the dates and the kind follow the text while they are
 * empty or still what the widget filled in; once the curator changes one of them, they are theirs.
 */
export function followText(current: DeadlineFields, filled: Filled, period?: Period): { next: DeadlineFields; filled: Filled } {
  const ours = (key: 'from' | 'to') => !current[key] || current[key] === filled[key];
  if (!ours('from') || !ours('to')) return { next: current, filled };
  const parsed = parseDeadline(current.text ?? '', period);
  const dates: Filled = {
    from: parsed.from && isoDate(parsed.from),
    to: parsed.to && isoDate(parsed.to),
    ...(!current.kind || current.kind === filled.kind ? { kind: parsed.kind } : {}),
  };
  const next: DeadlineFields = { ...current, ...dates };
  for (const key of ['from', 'to'] as const) if (next[key] === undefined) delete next[key];
  return { next, filled: { ...dates, kind: dates.kind ?? filled.kind } };
}

interface ImmutableMap {
  get(key: string): unknown;
  getIn(path: string[]): unknown;
  set(key: string, value: unknown): ImmutableMap;
  delete(key: string): ImmutableMap;
}
interface ControlProps {
  value?: ImmutableMap;
  field: ImmutableMap;
  entry: ImmutableMap;
  onChange(value: ImmutableMap, metadata?: unknown): void;
  onChangeObject(field: ImmutableMap, value: unknown, metadata?: unknown): void;
}
interface Inner {
  validate?(): void;
  focus?(path?: string): void;
  isValid?(): unknown;
}

/** Decap's object control, with the text of the deadline carrying its dates along. */
export function deadlineControl(ObjectControl: ComponentType<any>) {
  return class DeadlineControl extends Component<ControlProps> {
    private inner: Inner | null = null;
    private filled: Filled = {};

    // The object's fields decide for themselves when to redraw (as Decap's object control does).
    shouldComponentUpdate() {
      return true;
    }
    // What Decap calls on an object control: the parent's validation and the error list's «go to field».
    validate() {
      this.inner?.validate?.();
    }
    focus(path?: string) {
      this.inner?.focus?.(path);
    }
    isValid = () => this.inner?.isValid?.() ?? true;

    private onChangeObject = (field: ImmutableMap, value: unknown, metadata?: unknown) => {
      const { value: deadline, entry, onChange, onChangeObject } = this.props;
      // A new item has no deadline map yet: its first character goes the usual way, the next ones fill.
      if (field.get('name') !== 'text' || !deadline) return onChangeObject(field, value, metadata);
      const current: DeadlineFields = {
        text: typeof value === 'string' ? value : '',
        from: deadline.get('from') as string | undefined,
        to: deadline.get('to') as string | undefined,
        kind: deadline.get('kind') as string | undefined,
      };
      const period = periodOf(entry.getIn(['data', 'period', 'from']), entry.getIn(['data', 'period', 'to']));
      const { next, filled } = followText(current, this.filled, period);
      this.filled = filled;
      let map = deadline.set('text', value);
      for (const key of ['from', 'to', 'kind'] as const) map = next[key] === undefined ? map.delete(key) : map.set(key, next[key]);
      onChange(map, metadata && { [String(this.props.field.get('name'))]: metadata });
    };

    render() {
      return createElement(ObjectControl, {
        ...this.props,
        onChangeObject: this.onChangeObject,
        ref: (ref: Inner | null) => {
          this.inner = ref;
        },
      });
    }
  };
}

/** The part of Decap's registry used here, as it is at run time (its types omit `schema`). */
interface Registry {
  registerWidget(name: string, control: unknown, preview?: unknown, schema?: unknown): void;
  getWidget(name: string): { control: ComponentType<any>; preview?: unknown; schema?: unknown } | undefined;
}

/** Registers `deadline`: Decap's object widget (its preview and options) with the filling control. */
export function registerDeadline(cms: typeof CMS): void {
  const registry = cms as unknown as Registry;
  const object = registry.getWidget('object');
  if (!object) return;
  registry.registerWidget(DEADLINE_WIDGET, deadlineControl(object.control), object.preview, object.schema ?? {});
}
