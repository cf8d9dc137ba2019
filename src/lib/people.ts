/**
 * What of a person may be shown (152-ФЗ, DOMAIN.md). Every page, feed and API
 * goes through `publicPerson`, so the rule lives in one place: the consent record
 * itself is never published, and a minor appears without surname and photo
 * unless the record explicitly allows them.
 */
interface PersonRecord {
  name: { last: string; first: string; middle?: string };
  minor: boolean;
  photo?: unknown;
  photoAlt?: string;
  consent: { showSurname?: boolean; showPhoto?: boolean };
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
  const showSurname = !person.minor || person.consent.showSurname === true;
  const showPhoto = Boolean(person.photo) && (!person.minor || person.consent.showPhoto === true);
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
