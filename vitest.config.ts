import react from '@vitejs/plugin-react';
import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    // vitest keeps a core for its main process (cores − 1 workers), which on the office's 2-core machine runs every
    // file one after another; the main process idles while the workers run, so use both cores there
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // the projects on the throwaway PostgreSQL cluster (and the browser) run after the SQLite ones: the server's
    // own processes would otherwise take the cores from the UI tests' workers, whose 30 s limits assume them
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          sequence: { groupOrder: 0 },
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
          sequence: { groupOrder: 0 },
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
          sequence: { groupOrder: 1 },
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
          name: 'postgres-suites',
          sequence: { groupOrder: 1 },
          environment: 'node',
          // the suites about the data, on PostgreSQL (createTempApp reads `engine`); `npm test` runs them on SQLite
          // in the node project too. Not here, because they are about the SQLite file rather than the data in it:
          // backups of the file, their packs, schema check and restore (backup*, restore, audit-restore; the
          // server's backups are tests/postgres/server-backup), the full check and damage (integrity-watch), data
          // folder moves, locks and crash kills (data-folder-safety, folder-lock, swap-crash), the app context's
          // file handle (app-context-store), the demo cache's SQLite folder (demo-cache; its PostgreSQL template is
          // copyLibrary's verified copy of that file). Not about data at all: the spreadsheet readers and their
          // processes (xlsx-reader, spreadsheet-*), the host over HTTP (web-host*; fuzz runs its HTTP part on SQLite
          // only), the shell, the installer, display widths (shell-hardening, installer-config, display-width), and
          // the LibreOffice print of an export that ledger-export checks cell by cell here (ledger-export-print).
          include: [
            'tests/services/audit-list.test.ts',
            'tests/services/contract-*.test.ts',
            'tests/services/demo-office.test.ts',
            'tests/services/fillin.test.ts',
            'tests/services/fuzz.test.ts',
            'tests/services/ledger-export.test.ts',
            'tests/services/ledger-import*.test.ts',
            'tests/services/project-search-index.test.ts',
            'tests/services/reference.test.ts',
            'tests/services/start-node.test.ts',
            'tests/services/temp-app-engine.test.ts',
            'tests/services/year-figures.test.ts',
          ],
          provide: { engine: 'postgres' },
          globalSetup: ['tests/helpers/postgres-setup.ts', 'tests/helpers/demo-cache-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          // its own group: vitest runs together only projects of the same worker count (this one has one)
          sequence: { groupOrder: 2 },
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // expect.poll waits for a state the page reaches; a busy CI machine may take more than the default second
          expect: { poll: { timeout: 15_000 } },
          // one browser at a time on a 2-core machine
          fileParallelism: false,
          // the host on a database server (postgres-host.e2e.test.ts) runs on the run's throwaway cluster
          globalSetup: ['tests/helpers/postgres-setup.ts'],
        },
      },
    ],
  },
});
