/**
 * The «Идентификатор» widget: Decap cannot transliterate, so this fills the Latin id from
 * the Russian title while the curator types (cms/latin-id.ts), until they edit it by hand.
 * An existing entry shows the id it already has — its file name — read-only.
 */
import { Component, createElement } from 'react';
import { latinId, personId, shortSuffix } from '../../cms/latin-id.ts';

interface ImmutableLike {
  get(key: string): unknown;
  getIn(path: string[]): unknown;
}
interface ControlProps {
  value?: string;
  onChange(value: string): void;
  forID: string;
  classNameWrapper: string;
  setActiveStyle(): void;
  setInactiveStyle(): void;
  field: ImmutableLike;
  entry: ImmutableLike;
}

/** The title the id is made from: the values of the fields named in `source`, joined. */
function sourceText({ field, entry }: ControlProps): string {
  return String(field.get('source') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((path) => entry.getIn(['data', ...path.split('.')]))
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join(' ');
}
/** A mentor's facts the id depends on: a minor's id leaves the surname out (cms/latin-id.ts personId). */
function personFacts({ entry }: ControlProps) {
  const get = (...path: string[]) => entry.getIn(['data', ...path]) as string | boolean | undefined;
  return {
    name: { last: get('name', 'last') as string | undefined, first: get('name', 'first') as string | undefined },
    minor: get('minor') as boolean | undefined,
    category: get('category') as string | undefined,
    consent: { givenBy: get('consent', 'givenBy') as string | undefined, showSurname: get('consent', 'showSurname') as boolean | undefined },
  };
}
const isPersonId = ({ field }: ControlProps) => Boolean(field.get('person'));
/** Everything the generated id follows: the title, and for a person whether they are a minor. */
const generatedFrom = (props: ControlProps) => (isPersonId(props) ? JSON.stringify(personFacts(props)) : sourceText(props));

const existingSlug = ({ entry }: ControlProps) => (entry.get('newRecord') ? undefined : (entry.get('slug') as string | undefined));

/**
 * A class, because Decap re-renders a widget only when its own value changes unless the
 * control says otherwise in `shouldComponentUpdate` — and this one must follow the title.
 */
export class IdControl extends Component<ControlProps> {
  private editedByHand = Boolean(this.props.value);
  /** Chosen once per new entry, so the id does not change at every keystroke. */
  private readonly suffix = shortSuffix();

  shouldComponentUpdate(next: ControlProps) {
    return next.value !== this.props.value || generatedFrom(next) !== generatedFrom(this.props) || next.classNameWrapper !== this.props.classNameWrapper;
  }

  componentDidMount() {
    this.sync();
  }

  componentDidUpdate() {
    this.sync();
  }

  private sync() {
    const { value, onChange } = this.props;
    // An existing entry's id is its file name: shown, never written back (the file stays as it was).
    if (existingSlug(this.props)) return;
    if (this.editedByHand) return;
    const id = isPersonId(this.props) ? personId(personFacts(this.props), this.suffix) : latinId(sourceText(this.props));
    if (!id) return;
    if (id !== value) onChange(id);
  }

  render() {
    const { value, onChange, forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
    const slug = existingSlug(this.props);
    return createElement('input', {
      type: 'text',
      id: forID,
      className: classNameWrapper,
      value: slug ?? value ?? '',
      // Decap does not rename files: the id of a saved entry cannot change here.
      readOnly: Boolean(slug),
      spellCheck: false,
      autoComplete: 'off',
      onFocus: setActiveStyle,
      onBlur: setInactiveStyle,
      onChange: (event: { target: { value: string } }) => {
        this.editedByHand = true;
        onChange(event.target.value.trim().toLowerCase());
      },
    });
  }
}

export const IdPreview = ({ value }: { value?: string }) => createElement('code', null, value ?? '');
