import react from '@vitejs/plugin-react';
import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    // vitest keeps a core for its main process (cores − 1 workers), which on the office's 2-core machine runs every
    // file one after another; the main process idles while the workers run, so use both cores there
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/db/**/*.test.ts', 'tests/services/**/*.test.ts'],
          // the example office, made once per run and copied by createTempApp({ demo: true })
          globalSetup: ['tests/helpers/demo-cache-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['tests/ui/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/ui/setup.ts'],
          // real antd pages over a real database: vitest's 5 s is too short when two files share two busy cores
          testTimeout: 30_000,
          globalSetup: ['tests/helpers/demo-cache-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          environment: 'node',
          include: ['tests/postgres/**/*.test.ts'],
          // one throwaway PostgreSQL cluster per run (its start fails loudly where PostgreSQL is not installed); the
          // copy between engines starts from the example office
          globalSetup: ['tests/helpers/postgres-setup.ts', 'tests/helpers/demo-cache-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // one browser at a time on a 2-core machine
          fileParallelism: false,
          // the host on a database server (postgres-host.e2e.test.ts) runs on the run's throwaway cluster
          globalSetup: ['tests/helpers/postgres-setup.ts'],
        },
      },
    ],
  },
});
