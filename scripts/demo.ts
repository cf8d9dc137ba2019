/**
 * `npm run demo`: the demonstration section, built and served as `npm start` serves one's own.
 * After `npm run new` it lives in demo/src/content (with demo/public); before, it is src/content.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DEMO_CONTENT } from '../src/setup/new-section.ts';

const root = existsSync(DEMO_CONTENT) ? DEMO_CONTENT : 'src/content';
console.log(`Демонстрационный раздел из ${root}`);
const env = { ...process.env, CONTENT_ROOT: root };
const astro = (...args: string[]) => spawnSync('npx', ['astro', ...args], { env, stdio: 'inherit' }).status ?? 1;
const built = astro('build');
if (built) process.exit(built);
process.exit(astro('preview', '--host', '127.0.0.1', '--port', '4321'));
