/**
 * Where the open data lives: each data set's JSON and CSV under /api/ (the JSON where it always
 * was), its passport under /otkrytye-dannye/<identifier>/, the structure of each collection once,
 * under the section-wide set's folder, and the register of all sets beside the page that lists them.
 */
import { entryPath, type PublicCollection } from '../../schemas/collections.ts';
import { href, routes } from '../url.ts';

/** The open-data page's segment: /otkrytye-dannye/. */
export const OPEN_DATA_SEGMENT = 'otkrytye-dannye';

/**
 * A data set's identifier, as its folder is named: the collection for the whole section
 * («practices»), the organisation's id before it for one organisation's share
 * («lesnogorsk-sosh-1-practices»). Collections have no hyphen, so the two never meet.
 */
export const dataSetId = (collection: PublicCollection, organization?: string) => (organization ? `${organization}-${collection}` : collection);

export const openDataPaths = {
  page: () => href(`${OPEN_DATA_SEGMENT}/`),
  /** The register of data sets (the recommendations' list.csv). */
  register: () => href(`${OPEN_DATA_SEGMENT}/list.csv`),
  json: (collection: PublicCollection, organization?: string) => (organization ? routes.organizationApi(organization, collection) : routes.api(collection)),
  csv: (collection: PublicCollection, organization?: string) => href(`api/${organization ? entryPath('organizations', organization) : ''}${collection}.csv`),
  meta: (identifier: string, format: 'csv' | 'json') => href(`${OPEN_DATA_SEGMENT}/${identifier}/meta.${format}`),
  /** One structure per collection: an organisation's share has the same fields as the whole. */
  structure: (collection: PublicCollection, format: 'csv' | 'json') => href(`${OPEN_DATA_SEGMENT}/${dataSetId(collection)}/structure.${format}`),
};
