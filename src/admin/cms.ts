/**
 * The editor at /admin/: Decap CMS bundled by Astro into /_astro/ (never from a CDN),
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
import { IdControl, IdPreview } from './id-widget.ts';
// The site's own stylesheet as a built asset (/_astro/…css), for the preview pane.
import siteCss from '../styles/global.css?url';

/** decap-server's API; scripts/cms.ts starts it on this address. */
const DEFAULT_DECAP_SERVER = 'http://127.0.0.1:8181/api/v1';

const config = buildCmsConfig({ localBackendUrl: import.meta.env.PUBLIC_DECAP_SERVER || DEFAULT_DECAP_SERVER });

CMS.registerLocale('ru', ru);
CMS.registerPreviewStyle(siteCss);
CMS.registerWidget('id', IdControl as any, IdPreview as any);
CMS.init({ config: { ...config, load_config_file: false, locale: 'ru' } as unknown as CmsConfig });
