/** `npm run import -- <file> …`: see src/import/cli.ts. */
import { runImport } from '../src/import/cli.ts';

const result = await runImport(process.argv.slice(2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exit(result.code);
