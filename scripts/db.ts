// `npm run db -- copy --from <file.sqlite | postgres://…> --to <postgres://… | file.sqlite> [--replace]`:
// moves a library between the two engines (db/copy/), its attachment files first (verified by hash, between the
// SQLite file's folder and the server's --data-dir), printing each table's progress and, at the end, the
// table-by-table check. Exit code 0 when the copy is verified and kept, 1 when it was refused or failed, 2 for
// a command line it does not understand.
import { parseArgs } from 'node:util';
import { AppError } from '../db/errors';
import { CopyMismatchError, formatReport, type Progress } from '../db/copy/copy';
import { copyLibraryWithFiles, formatFilesCopied } from '../electron/services/attachments/library-copy';

const USAGE = `用法：npm run db -- copy --from <数据文件.sqlite | postgres://…> --to <postgres://… | 数据文件.sqlite> [--replace] [--data-dir 文件夹]
  SQLite → PostgreSQL：npm run db -- copy --from data/projects.sqlite --to postgres://用户:密码@主机:5432/zdxm --data-dir /srv/zdxm
  PostgreSQL → SQLite：npm run db -- copy --from postgres://用户:密码@主机:5432/zdxm --to 快照.sqlite --data-dir /srv/zdxm
  --replace：目标已有数据时，用复制的数据替换它（不加则拒绝复制，目标保持原样）
  --data-dir：数据库服务器的数据文件夹（服务器启动时的 --data-dir），附件文件从那里复制或复制到那里；
              SQLite 一端的附件文件在数据文件所在文件夹的 files 下
  --missing-files-ok：源文件夹缺少或损坏的附件文件只列出，仍复制数据库（不加则拒绝复制）`;

const PRINT_EVERY = 500_000;

/** Progress on one line that rewrites itself on a terminal; elsewhere a line per table and every 500,000 rows. */
function progressPrinter(): (progress: Progress) => void {
  const interactive = process.stderr.isTTY;
  const words = { copy: '复制', verify: '核对' };
  let previous = 0;
  return ({ phase, table, done, total }) => {
    const finished = done === total;
    const text = `${words[phase]} ${table}：${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} 行`;
    if (interactive) process.stderr.write(`\r\x1b[K${text}${finished ? '\n' : ''}`);
    else if (finished || Math.floor(done / PRINT_EVERY) > Math.floor(previous / PRINT_EVERY)) {
      process.stderr.write(`${text}\n`);
    }
    previous = finished ? 0 : done;
  };
}

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      replace: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      'missing-files-ok': { type: 'boolean', default: false },
    },
  });
} catch (error) {
  fail(`${error instanceof Error ? error.message : error}\n${USAGE}`, 2);
}
const { positionals, values } = parsed;
if (positionals.length !== 1 || positionals[0] !== 'copy') fail(USAGE, 2);
if (!values.from || !values.to) fail(`缺少 --from 或 --to\n${USAGE}`, 2);

try {
  const { report, files } = await copyLibraryWithFiles(values.from, values.to, {
    replace: values.replace,
    onProgress: progressPrinter(),
    dataDir: values['data-dir'],
    missingFilesOk: values['missing-files-ok'],
  });
  console.log(formatReport(report));
  console.log('复制完成，已逐表核对一致。');
  console.log(formatFilesCopied(files));
} catch (error) {
  if (error instanceof CopyMismatchError) console.log(formatReport(error.report));
  if (error instanceof AppError) fail(error.message, 1);
  throw error;
}
