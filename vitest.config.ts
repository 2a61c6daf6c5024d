import { defineConfig } from 'vitest/config';

// Two projects: the engine's (and the command line's) test files share one module graph
// (`isolate: false`: the engine keeps no state a test could leak, and importing it once per
// file was most of the suite's time); the app's tests stay isolated (their store is a
// module) and load first what the app loads before its first world (app/testSetup.ts).
// Threads start faster than forked processes.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'engine',
          pool: 'threads',
          include: ['engine/**/*.test.ts', 'tests/**/*.test.ts'],
          isolate: false,
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'app',
          pool: 'threads',
          include: ['app/**/*.test.ts', 'app/**/*.test.tsx'],
          environment: 'node',
          testTimeout: 20_000,
          setupFiles: ['app/testSetup.ts'],
        },
      },
    ],
  },
});
