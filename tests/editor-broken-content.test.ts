/**
 * Issue 17, findings 1 and 2: with an entry the build refuses already in the content (here a year
 * 3025, as an older editor could save it), `npm run cms` used to stop at start with Astro's
 * InvalidContentEntryDataError, taking the editor that could fix it with it. Now the editor
 * starts, every page of the site says in Russian which file and field are wrong, the editor opens
 * the entry, and fixing it there makes the site whole without a restart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from './helpers/browser.ts';
import { replaceIn } from './helpers/edit.ts';
import { field, publish, startEditor, type Editor } from './helpers/editor.ts';
import { fetchUntil } from './helpers/serve.ts';

const MENTOR = 'mentors/belyaeva-olga.yaml';

describe.skipIf(!chromiumPath)('the editor with an invalid entry in the content', () => {
  let editor: Editor;
  beforeAll(async () => {
    editor = await startEditor({
      name: 'editor-broken-content',
      sitePort: 4395,
      decapPort: 8195,
      prepare: (content) => replaceIn(join(content, MENTOR), /^since: \d+$/m, 'since: 3025'),
    });
  }, 300_000);
  afterAll(async () => {
    await editor?.stop();
  });

  it('starts; the site names the file and the field; fixing the entry in the editor makes the site whole', async () => {
    const broken = await fetchUntil(editor.url('/praktiki/'), (status) => status === 500, 60);
    expect(broken.status).toBe(500);
    expect(broken.text).toContain(MENTOR);
    expect(broken.text).toMatch(/since/);
    expect(broken.text).toMatch(/слишком поздний год/);

    const page = await editor.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await editor.open(page, 'mentors/entries/belyaeva-olga', 'since');
    expect(await field(page, 'since').inputValue()).toBe('3025');
    await field(page, 'since').fill('2023');
    await publish(page);
    const file = join(editor.content, MENTOR);
    for (let i = 0; i < 240 && !/^since: 2023$/m.test(readFileSync(file, 'utf8')); i++) await page.waitForTimeout(250);
    expect(readFileSync(file, 'utf8')).toMatch(/^since: 2023$/m);

    const whole = await fetchUntil(editor.url('/praktiki/'), (status) => status === 200, 60);
    expect(whole.status, whole.text.slice(0, 500)).toBe(200);
  }, 300_000);
});
