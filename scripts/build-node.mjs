// Bundles the Node side: the Electron main process and preload, and the browser host.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Runtime dependencies stay in node_modules: native code (better-sqlite3), Electron itself,
// and packages that electron-builder ships as they are. heic-decode carries libheif as WebAssembly inside a 2 MB
// Emscripten file that looks for __dirname, which an ES module bundle (the browser host) does not have: it is
// loaded from node_modules, on the first HEIC photo only.
const external = ['electron', 'better-sqlite3', 'exceljs', 'iconv-lite', 'heic-decode'];

const common = {
  absWorkingDir: root,
  bundle: true,
  sourcemap: 'linked',
  external,
  logLevel: 'warning',
};

// Bundled CommonJS dependencies call require(); an ES module has none, so define it.
const esmRequireBanner =
  "import { createRequire as __bundleCreateRequire } from 'node:module';\n" +
  'const require = __bundleCreateRequire(import.meta.url);';

try {
  await Promise.all([
    build({
      ...common,
      entryPoints: ['electron/main.ts'],
      outfile: 'dist/electron/main.cjs',
      format: 'cjs',
      platform: 'node',
      target: 'node20',
    }),
    // A sandboxed preload may require only 'electron': platform 'browser' makes any
    // Node built-in import fail the build instead of failing in the window.
    build({
      ...common,
      entryPoints: ['electron/preload.ts'],
      outfile: 'dist/electron/preload.cjs',
      format: 'cjs',
      platform: 'browser',
      target: 'es2022',
      external: ['electron'],
    }),
    // the spreadsheet reader's worker thread carries exceljs inside it: a worker cannot rely on finding
    // node_modules inside app.asar, so it stands alone (and is unpacked from the asar)
    build({
      ...common,
      external: [],
      entryPoints: ['electron/spreadsheet-worker.ts'],
      outfile: 'dist/electron/spreadsheet-worker.cjs',
      format: 'cjs',
      platform: 'node',
      target: 'node20',
    }),
    // the full check's worker thread carries better-sqlite3's JavaScript inside it (for the same reason) and is
    // told where the compiled module is
    build({
      ...common,
      external: [],
      entryPoints: ['electron/integrity-worker.ts'],
      outfile: 'dist/electron/integrity-worker.cjs',
      format: 'cjs',
      platform: 'node',
      target: 'node20',
    }),
    // an attachment's thumbnail and preview, in a worker thread with jpeg-js and pngjs inside it (unpacked from the
    // asar like the other workers)
    build({
      ...common,
      external: [],
      entryPoints: ['electron/image-worker.ts'],
      outfile: 'dist/electron/image-worker.cjs',
      format: 'cjs',
      platform: 'node',
      target: 'node20',
    }),
    // the browser host's backup packer, a child process (so what packing leaves in the allocator goes when it exits)
    build({
      ...common,
      entryPoints: ['electron/backup-pack-process.ts'],
      outfile: 'dist/electron/backup-pack-process.cjs',
      format: 'cjs',
      platform: 'node',
      target: 'node20',
    }),
    // the browser host's spreadsheet reader, a child process (so what reading leaves in the allocator goes when it
    // exits); it carries exceljs inside it as the worker does
    build({
      ...common,
      external: [],
      entryPoints: ['electron/spreadsheet-read-process.ts'],
      outfile: 'dist/electron/spreadsheet-read-process.cjs',
      format: 'cjs',
      platform: 'node',
      target: 'node20',
    }),
    build({
      ...common,
      entryPoints: ['electron/web-host-cli.ts'],
      outfile: 'dist/electron/web-host.mjs',
      format: 'esm',
      platform: 'node',
      target: 'node20',
      banner: { js: esmRequireBanner },
    }),
    // the office server (`npm run server`): the same host with accounts, beside the browser host
    build({
      ...common,
      entryPoints: ['electron/server-cli.ts'],
      outfile: 'dist/electron/server.mjs',
      format: 'esm',
      platform: 'node',
      target: 'node20',
      banner: { js: esmRequireBanner },
    }),
  ]);
} catch {
  // esbuild has already printed the errors.
  process.exit(1);
}
