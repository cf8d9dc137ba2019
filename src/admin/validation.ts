/** The build's validation in the editor (issue 17, findings 1, 2, 7). */
import type CMS from 'decap-cms-app';

export function registerValidation(cms: typeof CMS): void {
  void cms;
}
