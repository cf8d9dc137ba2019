/**
 * `npm run check:leaks [-- <папка сайта>]`: the leak scan of a built site on its own (every build
 * runs it as its last step). Reads the content to know what is withheld; exits 1 on any leak.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatLeaks } from '../src/privacy/scan-dist.ts';
import { defaultDist, readBuildRecord, scanBuiltSite } from '../src/privacy/scan-site.ts';
import { contentCacheDir } from '../src/schemas/index.ts';
import { countOf } from '../src/lib/format.ts';

const root = process.cwd();
const dist = resolve(process.argv[2] ?? defaultDist(root));
if (!existsSync(dist)) {
  console.error(`Папки ${dist} нет: сначала соберите сайт (npm run build).`);
  process.exit(1);
}
// What each image was made from and the texts on the share images, if the last build of this folder left them.
const record = readBuildRecord(resolve(root, contentCacheDir()), dist);
if (!record) console.warn('Сведений последней сборки об этой папке нет: тексты картинок для ссылок и происхождение изображений не проверяются.');

const { result, details } = await scanBuiltSite({ root, dist, origins: record?.origins, cardTexts: record?.cardTexts });
if (result.leaks.length) {
  console.error(formatLeaks(result.leaks, dist));
  process.exit(1);
}
console.log(
  `Утечек персональных данных нет: ${countOf(result.files, ['файл', 'файла', 'файлов'])} (из них ${countOf(result.images, ['изображение', 'изображения', 'изображений'])}) проверены на ${countOf(details, ['скрытое сведение', 'скрытых сведения', 'скрытых сведений'])}.`,
);
