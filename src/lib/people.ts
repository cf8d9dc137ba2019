/**
 * What of a person may be shown (152-ФЗ, DOMAIN.md). Every page, feed and API
 * goes through `publicName`, so the rule lives in one place: the consent record
 * itself is never published, and a minor (see isMinor: a pupil or a parent's consent
 * counts too) appears without surname, patronymic and photo unless the record allows them.
 */
import { isMinor } from '../schemas/mentors.ts';

interface PersonRecord {
  name: { last: string; first: string; middle?: string };
  minor?: boolean;
  category?: string;
  photo?: unknown;
  photoAlt?: string;
  consent: { givenBy?: string; showSurname?: boolean; showPhoto?: boolean };
}

export interface PublicName {
  /** The name as it may be displayed: «Смирнова Елена Викторовна» or, for a minor, «Артём». */
  displayName: string;
  /** For cards and headings: «Елена Смирнова» / «Артём». */
  shortName: string;
  initials: string;
  showPhoto: boolean;
}

export function publicName(person: PersonRecord): PublicName {
  const { last, first, middle } = person.name;
  const minor = isMinor(person);
  const showSurname = !minor || person.consent.showSurname === true;
  const showPhoto = Boolean(person.photo) && (!minor || person.consent.showPhoto === true);
  if (!showSurname) {
    return { displayName: first, shortName: first, initials: first.charAt(0).toUpperCase(), showPhoto };
  }
  return {
    displayName: [last, first, middle].filter(Boolean).join(' '),
    shortName: `${first} ${last}`,
    initials: (first.charAt(0) + last.charAt(0)).toUpperCase(),
    showPhoto,
  };
}
