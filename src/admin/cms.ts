/**
 * The editor at /admin/: Decap CMS bundled by esbuild into /_astro/ (never from a CDN; see bundle.ts),
 * configured from the same schemas as the site (cms/config.ts), in Russian.
 *
 * Local editing: `npm run cms` starts decap-server and passes its API here as
 * PUBLIC_DECAP_SERVER. Decap uses `local_backend` only when the page itself is opened
 * on localhost or 127.0.0.1, so the setting is harmless on the published site.
 */
import CMS from 'decap-cms-app';
import { ru } from 'decap-cms-locales';
import type { CmsConfig } from 'decap-cms-core';
import { buildCmsConfig } from '../../cms/config.ts';
import type { EditorConnection } from '../schemas/editor-backend.ts';
import { IdControl, IdPreview } from './id-widget.ts';
import { latinId } from '../../cms/latin-id.ts';
import { registerRussian } from './locale-ru.ts';
import { registerMedia } from './media.ts';
import { registerNumbers } from './numbers.ts';
import { registerValidation } from './validation.ts';
import { MentorPreview, PracticePreview, RoadmapPreview, RegulationPreview } from './previews.ts';
// The site's own stylesheet as text, for the preview pane.
import siteCss from '../styles/global.css?raw';

/** decap-server's API; scripts/cms.ts starts it on this address. */
const DEFAULT_DECAP_SERVER = 'http://127.0.0.1:8181/api/v1';

/** The Git host from the settings, as the /admin/ page wrote it (src/lib/editor-connection.ts). */
const connection = JSON.parse(document.getElementById('editor-connection')?.textContent || '{}') as EditorConnection;
/** Set by `npm run cms` only: editing on this machine, where a save must land in the files at once. */
const editingLocally = Boolean(import.meta.env.PUBLIC_DECAP_SERVER);

const config = buildCmsConfig({
  localBackendUrl: import.meta.env.PUBLIC_DECAP_SERVER || DEFAULT_DECAP_SERVER,
  backend: connection.backend,
  editorialWorkflow: !editingLocally && connection.publishMode === 'editorial_workflow',
});

CMS.registerLocale('ru', ru);
registerRussian(CMS);
registerMedia(CMS);
registerNumbers(CMS);
CMS.registerPreviewStyle(siteCss, { raw: true });
CMS.registerWidget('id', IdControl as any, IdPreview as any);
CMS.registerPreviewTemplate('practices', PracticePreview as any);
CMS.registerPreviewTemplate('mentors', MentorPreview as any);
CMS.registerPreviewTemplate('roadmaps', RoadmapPreview as any);
CMS.registerPreviewTemplate('regulations', RegulationPreview as any);
// A new entry saved before its id was filled still gets one from its title: the file name must be Latin.
CMS.registerEventListener({
  name: 'preSave',
  handler: ({ entry }: { entry: any }) => {
    const data = entry.get('data');
    if (!entry.get('newRecord') || data.get('id')) return data;
    const title = data.get('title') ?? data.get('shortName') ?? [data.getIn(['name', 'last']), data.getIn(['name', 'first'])].filter(Boolean).join(' ');
    return title ? data.set('id', latinId(String(title))) : data;
  },
});
// Last: it wraps every widget registered so far, ours included.
registerValidation(CMS);
CMS.init({ config: { ...config, load_config_file: false, locale: 'ru' } as unknown as CmsConfig });
