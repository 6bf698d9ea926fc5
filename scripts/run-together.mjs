// Runs npm scripts at the same time and fails if any fails: `npm test`'s checks (typecheck, lint, build) are each
// one process on one core, so on a 2-core machine two of them run in the time of one. Each script's output is
// held and printed whole when it ends, so the reports do not interleave.
//
//   node scripts/run-together.mjs typecheck lint build
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(script) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], { shell: process.platform === 'win32' });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code) => {
      const text = Buffer.concat(output).toString();
      process.stdout.write(`> ${script}${code === 0 ? '' : ` failed (exit ${code})`}\n${text}`);
      resolve(code === 0);
    });
  });
}

const results = await Promise.all(scripts.map(run));
process.exitCode = results.every(Boolean) ? 0 : 1;
