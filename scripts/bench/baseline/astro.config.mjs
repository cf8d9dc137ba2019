// The plain-Astro baseline the benchmark compares our build with: the same corpus, one
// layout, Astro's default Markdown, nothing else. Paths come from scripts/bench/index.ts.
import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.OUT_DIR,
  cacheDir: process.env.CACHE_DIR,
  devToolbar: { enabled: false },
});
