import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Test files that need the built site, a build of their own, a dev server or Chromium: the
 * `site` project. Every other test file is `unit` — no build, no browser, well under 30 s.
 * A unit file that starts a build or a browser fails with a message naming this list
 * (tests/helpers/project.ts, tests/helpers/browser.ts).
 */
const SITE_TESTS = [
  'tests/a11y.test.ts',
  'tests/browser.test.ts',
  'tests/build.test.ts',
  'tests/cms-admin.test.ts',
  'tests/cms-browser.test.ts',
  'tests/content-errors-build.test.ts',
  'tests/dev-errors.test.ts',
  'tests/editor-broken-content.test.ts',
  'tests/editor-locale.test.ts',
  'tests/editor-media.test.ts',
  'tests/editor-numbers.test.ts',
  'tests/editor-validation.test.ts',
  'tests/embed.test.ts',
  'tests/empty-section.test.ts',
  'tests/feeds-build.test.ts',
  'tests/hostile.test.ts',
  'tests/html-valid.test.ts',
  'tests/image-names-build.test.ts',
  'tests/integrity-build.test.ts',
  'tests/lighthouse.test.ts',
  'tests/new-section.test.ts',
  'tests/og-build.test.ts',
  'tests/open-data-build.test.ts',
  'tests/pagination-build.test.ts',
  'tests/personal-data.test.ts',
  'tests/public-fields-build.test.ts',
  'tests/results-build.test.ts',
  'tests/search.test.ts',
  'tests/search-dashes.test.ts',
  'tests/embed-layout.test.ts',
  'tests/security-headers-build.test.ts',
  'tests/seeds-build.test.ts',
  'tests/seed-text-build.test.ts',
  'tests/provenance-build.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // Once per run, whichever projects run: the run's id and folder for the shared builds, and a
    // check that fails the run if anything under src/content/ or public/ changed during it.
    globalSetup: ['tests/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...SITE_TESTS],
          provide: { testProject: 'unit' },
          // Both cores, and a worker reused from file to file (the sources are imported once per
          // worker, not once per file): about a third less time. A file that changes process.env
          // or the clock puts it back (tests/import-limits.test.ts, tests/people-rules.test.ts).
          maxWorkers: 2,
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: SITE_TESTS,
          provide: { testProject: 'site' },
          // One file at a time, after the unit files: builds and Chromium take both cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
