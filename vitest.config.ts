import { configDefaults, defineConfig } from 'vitest/config';

/** Lighthouse measures speed: it runs after every other test file, alone (sequence.groupOrder). */
const lighthouseTests = 'test/**/*.lighthouse.test.ts';

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', './test/reporters/plain-summary.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'folio', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: [...configDefaults.exclude, lighthouseTests], sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'lighthouse', include: [lighthouseTests], sequence: { groupOrder: 1 } },
      },
    ],
  },
});
