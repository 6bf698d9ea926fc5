import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrityProblems } from '../../db/integrity';
import { openAppContext } from '../../electron/services/app-context';
import { bundleChild, childEnv } from '../helpers/child-script';

// Heavy writes in a child process, killed with SIGKILL at random moments, again and again on the same file:
// after every kill the file must pass SQLite's checks, hold every write the child reported as committed, and
// hold no half of a write (each write is one transaction touching several tables).

const KILLS = 50;

let child: Awaited<ReturnType<typeof bundleChild>>;
beforeAll(async () => {
  child = await bundleChild('tests/helpers/children/heavy-writes.ts');
}, 60_000);
afterAll(() => child.remove());

/** Runs the child until it has committed at least once, then kills it `delayMs` later; the last seq it reported. */
function runAndKill(file: string, dataDir: string, firstSeq: number, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [file, dataDir, String(firstSeq)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: childEnv(),
    });
    let out = '';
    let last = firstSeq - 1;
    let armed = false;
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      for (const match of out.matchAll(/committed (\d+)/g)) last = Math.max(last, Number(match[1]));
      if (/failed /.test(out)) reject(new Error(out));
      if (!armed && last >= firstSeq) {
        armed = true;
        setTimeout(() => proc.kill('SIGKILL'), delayMs);
      }
    });
    proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('error', reject);
    proc.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`child ended without being killed: ${out}`));
      // what arrived before the kill
      for (const match of out.matchAll(/committed (\d+)/g)) last = Math.max(last, Number(match[1]));
      resolve(last);
    });
  });
}

interface Found {
  projects: Map<number, number>;
  problems: string[];
}

async function inspect(dataDir: string): Promise<Found> {
  const ctx = await openAppContext({ dataDir });
  try {
    expect(ctx.damage).toBeNull();
    const problems = integrityProblems(ctx.db);
    const rows = ctx.db
      .prepare(
        `SELECT p.id, p.name, p.note,
                (SELECT COUNT(*) FROM stage_changes s WHERE s.project_id = p.id) AS stageChanges,
                (SELECT COUNT(*) FROM audit_log a WHERE a.entity = 'project' AND a.entity_id = p.id AND a.action = 'create') AS created,
                (SELECT COUNT(*) FROM audit_log a WHERE a.entity = 'project' AND a.entity_id = p.id AND a.field = 'note') AS noteAudits,
                (SELECT COUNT(*) FROM monthly_investments m WHERE m.project_id = p.id) AS months,
                (SELECT COUNT(*) FROM audit_log a WHERE a.entity = 'project' AND a.entity_id = p.id AND a.field LIKE 'monthly:%') AS monthAudits,
                (SELECT COUNT(*) FROM dispatch_entries e WHERE e.project_id = p.id) AS entries,
                (SELECT COUNT(*) FROM audit_log a WHERE a.entity = 'project' AND a.entity_id = p.id AND a.field LIKE 'dispatch:%') AS entryAudits
         FROM projects p WHERE p.name LIKE '压测项目-%'`,
      )
      .all() as {
      name: string;
      note: string;
      stageChanges: number;
      created: number;
      noteAudits: number;
      months: number;
      monthAudits: number;
      entries: number;
      entryAudits: number;
    }[];
    const projects = new Map<number, number>();
    for (const r of rows) {
      const seq = Number(r.name.slice('压测项目-'.length));
      projects.set(seq, (projects.get(seq) ?? 0) + 1);
      // each write all or nothing: the row and its history together
      if (r.stageChanges !== 1 || r.created !== 1) problems.push(`${r.name}: 新建只写了一半`);
      if ((r.note !== '') !== (r.noteAudits === 1)) problems.push(`${r.name}: 修改与记录不一致`);
      if (r.months !== r.monthAudits) problems.push(`${r.name}: 月度投资与记录不一致`);
      if ((r.entries === 1) !== r.entryAudits >= 1) problems.push(`${r.name}: 调度与记录不一致`);
    }
    return { projects, problems };
  } finally {
    await ctx.close();
  }
}

describe('断电式崩溃（SIGKILL）', () => {
  it(`大量写入时被强行结束${KILLS}次：每次重新打开都完好，报告已提交的都在，没有写了一半的`, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdxm-crash-'));
    let nextSeq = 1;
    let survived = 0;
    let committedTotal = 0;
    try {
      for (let kill = 0; kill < KILLS; kill++) {
        const delay = Math.floor(Math.random() * 120);
        const last = await runAndKill(child.file, dataDir, nextSeq, delay);
        const found = await inspect(dataDir);
        expect(found.problems).toEqual([]);
        for (let seq = 1; seq <= last; seq++) {
          if (found.projects.get(seq) !== 1)
            throw new Error(`第${seq}次写入已报告提交，但重新打开后不在（第${kill + 1}次强杀后）`);
        }
        // the write in flight when killed may have committed without being reported, never more than that
        const highest = Math.max(0, ...found.projects.keys());
        expect(highest).toBeLessThanOrEqual(last + 1);
        committedTotal = last;
        nextSeq = highest + 1;
        survived++;
      }
    } finally {
      console.log(`崩溃测试：强杀 ${survived}/${KILLS} 次后数据均完好，共确认 ${committedTotal} 次已提交的写入`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    expect(survived).toBe(KILLS);
  }, 300_000);
});
