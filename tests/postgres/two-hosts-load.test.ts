import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleChild } from '../helpers/child-script';
import { startChildHost, type ChildWebHost } from '../helpers/child-web-host';
import { callHost, okFrom, type CallOutcome } from '../helpers/host-calls';
import { freshDatabase } from '../helpers/postgres-database';
import { makeTempDir } from '../helpers/temp-dir';
import type { MethodName } from '../../electron/api-spec';

// Two app servers on one database under load (issue #14): 20 clients over HTTP for 30 s, half on each host,
// writing weekly entries, project notes and problems between reads, while one host is stopped and started again.
// Every write a host acknowledged must be in the database with its value and its line in the change history;
// every refusal must be a message for the clerk, never the program's internal error.

const CLIENTS = 20;
const LOAD_MS = 30_000;
const RESTART_AT_MS = 10_000;
const WEEK = '2026-W48';
const CHINESE = /[\u4e00-\u9fff]/;

type Kind = 'entry' | 'note' | 'problem';

interface Write {
  kind: Kind;
  client: number;
  projectId: number;
  value: string;
  /** acknowledged: ok came back; uncertain: no answer, so it may or may not have been made */
  outcome: 'acknowledged' | 'uncertain' | 'refused';
  problemId?: number;
  problemCode?: string;
}

interface Refusal {
  status: number;
  code: string;
  message: string;
}

const temp = makeTempDir('zdxm-pg-load-');
let bundle: Awaited<ReturnType<typeof bundleChild>>;
let database: Awaited<ReturnType<typeof freshDatabase>>;
const hosts: ChildWebHost[] = [];

beforeAll(async () => {
  bundle = await bundleChild('tests/helpers/children/server-host.ts', ['better-sqlite3', 'exceljs', 'pg']);
  database = await freshDatabase();
}, 60_000);
afterAll(async () => {
  for (const host of hosts) await host.stop();
  await database?.remove();
  bundle?.remove();
  temp.remove();
});

function startServer(port: number, demo = false): Promise<ChildWebHost> {
  const args = [database.url, `${temp.dir}/backups-${hosts.length}`, temp.dir, String(port), demo ? 'demo' : ''];
  return startChildHost(bundle.file, args).then((host) => {
    hosts.push(host);
    return host;
  });
}

/** A deterministic mix per client, so a failure can be run again the same way. */
function randomOf(seed: number): () => number {
  let state = seed * 2654435761;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('两台应用服务器共用一个数据库（负载下重启其中一台）', () => {
  it('20个客户端并发30秒：确认过的修改全部在库、变更记录一条不少，拒绝都有中文说明', async () => {
    const first = await startServer(0, true);
    const second = await startServer(0);
    const ports = [first.port, second.port];
    const week = await okFrom(first.port, 'dispatch.week', { week: WEEK });
    const projectIds = week.rows.map((row) => row.projectId);
    expect(projectIds.length).toBeGreaterThanOrEqual(CLIENTS * 2);
    // each project belongs to one client: its writes to a field come one after another, so the last answered
    // value of a field is the one the database must hold (or a later one whose answer never came)
    const ownedBy = (client: number) => projectIds.filter((_, index) => index % CLIENTS === client);

    const writes: Write[] = [];
    const refusals: Refusal[] = [];
    let reads = 0;
    let noAnswers = 0;
    let restartedAt = Infinity;
    let answeredAfterRestart = 0;
    const deadline = Date.now() + LOAD_MS;

    async function client(index: number): Promise<void> {
      const random = randomOf(index + 1);
      const owned = ownedBy(index);
      let n = 0;
      while (Date.now() < deadline) {
        const port = ports[index % 2];
        const projectId = owned[Math.floor(random() * owned.length)];
        const roll = random();
        n++;
        let answered: CallOutcome<MethodName>;
        if (roll < 0.35) {
          const value = `负载进展c${index}-${n}`;
          answered = await callHost(port, 'dispatch.saveEntry', { projectId, week: WEEK, progress: value });
          writes.push({ kind: 'entry', client: index, projectId, value, outcome: outcomeOf(answered) });
        } else if (roll < 0.55) {
          const value = `负载备注c${index}-${n}`;
          answered = await callHost(port, 'projects.update', { id: projectId, note: value });
          writes.push({ kind: 'note', client: index, projectId, value, outcome: outcomeOf(answered) });
        } else if (roll < 0.65) {
          const value = `负载问题c${index}-${n}`;
          const outcome = await callHost(port, 'problems.create', { projectId, description: value, category: 'land' });
          const made = outcome.kind === 'ok' ? { problemId: outcome.data.id, problemCode: outcome.data.code } : {};
          writes.push({ kind: 'problem', client: index, projectId, value, outcome: outcomeOf(outcome), ...made });
          answered = outcome;
        } else {
          const method = (['projects.list', 'dispatch.week', 'problems.list'] as const)[Math.floor(random() * 3)];
          answered = await callHost(port, method, method === 'dispatch.week' ? { week: WEEK } : {});
          if (answered.kind === 'ok') reads++;
        }
        if (index % 2 === 1 && answered.kind === 'ok' && Date.now() > restartedAt) answeredAfterRestart++;
        if (answered.kind === 'refused') refusals.push({ status: answered.status, ...answered.error });
        if (answered.kind === 'no_answer') {
          noAnswers++;
          // a host that is down is asked again a moment later, as a clerk's window would
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    }

    async function restartSecond(): Promise<{ downMs: number }> {
      await new Promise((resolve) => setTimeout(resolve, RESTART_AT_MS));
      const stoppedAt = Date.now();
      expect(await second.stop()).toBe(0);
      const again = await startServer(ports[1]);
      expect(again.port).toBe(ports[1]);
      restartedAt = Date.now();
      return { downMs: Date.now() - stoppedAt };
    }

    const started = Date.now();
    const [restart] = await Promise.all([restartSecond(), ...Array.from({ length: CLIENTS }, (_, i) => client(i))]);
    const tookMs = Date.now() - started;

    const acknowledged = writes.filter((w) => w.outcome === 'acknowledged');
    const summary = {
      tookMs,
      restartDownMs: restart.downMs,
      reads,
      acknowledged: acknowledged.length,
      uncertain: writes.filter((w) => w.outcome === 'uncertain').length,
      refused: refusals.length,
      refusalCodes: [...new Set(refusals.map((r) => r.code))],
      noAnswers,
      answeredAfterRestart,
    };
    console.log('[load]', JSON.stringify(summary));
    // bounded: the clients stop at the deadline, each after its request under way
    expect(tookMs).toBeLessThan(LOAD_MS + 15_000);
    // a floor far below this machine's figure (500–1,200 in 30 s), so that a busy run does not fail it
    expect(acknowledged.length).toBeGreaterThan(CLIENTS * 3);
    // the restart was felt (its clients got no answer for a moment), and the host served them again after it
    expect(noAnswers).toBeGreaterThan(0);
    expect(answeredAfterRestart).toBeGreaterThanOrEqual(10);
    for (const kind of ['entry', 'note', 'problem'] as const) {
      expect(acknowledged.filter((w) => w.kind === kind).length, kind).toBeGreaterThan(5);
    }
    for (const refusal of refusals) {
      expect(refusal.code, refusal.message).not.toBe('internal');
      expect(refusal.status, refusal.message).toBeLessThan(500);
      expect(refusal.message).toMatch(CHINESE);
    }

    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      await expectEveryWriteKept(db, writes);
    } finally {
      await db.end();
    }
  }, 120_000);
});

function outcomeOf(outcome: CallOutcome<MethodName>): Write['outcome'] {
  if (outcome.kind === 'ok') return 'acknowledged';
  return outcome.kind === 'refused' ? 'refused' : 'uncertain';
}

const fieldOf = (write: Write) => (write.kind === 'entry' ? `dispatch:${WEEK}:progress` : 'note');

/** What each field must hold: the last acknowledged value, or a value sent after it that got no answer. */
function allowedFinalValues(writes: Write[]): Map<string, Set<string>> {
  const byField = new Map<string, Write[]>();
  for (const write of writes.filter((w) => w.kind !== 'problem')) {
    const key = `${write.projectId}|${fieldOf(write)}`;
    byField.set(key, [...(byField.get(key) ?? []), write]);
  }
  const allowed = new Map<string, Set<string>>();
  for (const [key, sequence] of byField) {
    const lastAcknowledged = sequence.findLastIndex((w) => w.outcome === 'acknowledged');
    if (lastAcknowledged < 0) continue;
    const later = sequence.slice(lastAcknowledged + 1).filter((w) => w.outcome === 'uncertain');
    allowed.set(key, new Set([sequence[lastAcknowledged].value, ...later.map((w) => w.value)]));
  }
  return allowed;
}

async function expectEveryWriteKept(db: pg.Client, writes: Write[]): Promise<void> {
  const acknowledged = writes.filter((w) => w.outcome === 'acknowledged');

  // the values: each field holds its last answered write (or a later one whose answer was lost)
  const entries = await db.query<{ project_id: number; progress: string }>(
    `SELECT project_id, progress FROM dispatch_entries WHERE week = $1`,
    [WEEK],
  );
  const notes = await db.query<{ id: number; note: string }>(`SELECT id, note FROM projects`);
  const held = new Map<string, string>([
    ...entries.rows.map((r) => [`${r.project_id}|dispatch:${WEEK}:progress`, r.progress] as const),
    ...notes.rows.map((r) => [`${r.id}|note`, r.note] as const),
  ]);
  for (const [key, values] of allowedFinalValues(writes)) {
    expect([...values], `${key} 的值`).toContain(held.get(key));
  }

  // every problem answered as registered is there, with its description
  const problems = await db.query<{ id: number; code: string; project_id: number; description: string }>(
    `SELECT id, code, project_id, description FROM problems WHERE description LIKE '负载问题%'`,
  );
  const problemById = new Map(problems.rows.map((p) => [Number(p.id), p]));
  for (const write of acknowledged.filter((w) => w.kind === 'problem')) {
    expect(problemById.get(write.problemId!), write.value).toEqual({
      id: write.problemId,
      code: write.problemCode,
      project_id: write.projectId,
      description: write.value,
    });
  }
  const sentProblems = new Set(
    writes.filter((w) => w.kind === 'problem' && w.outcome !== 'refused').map((w) => w.value),
  );
  for (const problem of problems.rows)
    expect(sentProblems, '库中的问题都是客户端提交过的').toContain(problem.description);

  // the history: one line per change made, and every answered change has its line, old → new
  const audit = await db.query<{ entity_id: number; field: string; old_value: string | null; new_value: string }>(
    `SELECT entity_id, field, old_value, new_value FROM audit_log
      WHERE entity = 'project' AND (field IN ('note', $1) OR field LIKE 'problem:%')
        AND new_value IS NOT NULL ORDER BY id`,
    [`dispatch:${WEEK}:progress`],
  );
  const lines = audit.rows.filter((r) => /^负载/.test(r.new_value) || r.field.startsWith('problem:'));
  const auditKey = (projectId: number, field: string, value: string) => `${projectId}|${field}|${value}`;
  const lineCount = new Map<string, number>();
  for (const line of lines) {
    const key = auditKey(Number(line.entity_id), line.field, line.field.startsWith('problem:') ? '' : line.new_value);
    lineCount.set(key, (lineCount.get(key) ?? 0) + 1);
  }
  for (const write of acknowledged) {
    const key =
      write.kind === 'problem'
        ? auditKey(write.projectId, `problem:${write.problemCode}`, '')
        : auditKey(write.projectId, fieldOf(write), write.value);
    expect(lineCount.get(key), `变更记录：${key}`).toBe(1);
  }
  // and no line for a change never made: every line's value was sent by a client whose write was not refused
  const sent = new Set(
    writes
      .filter((w) => w.outcome !== 'refused' && w.kind !== 'problem')
      .map((w) => auditKey(w.projectId, fieldOf(w), w.value)),
  );
  for (const line of lines.filter((l) => !l.field.startsWith('problem:'))) {
    expect(sent, '变更记录中的值都是客户端提交过的').toContain(
      auditKey(Number(line.entity_id), line.field, line.new_value),
    );
  }
  // each problem registered, answered or not, has exactly its one line in its project's history
  for (const problem of problems.rows) {
    expect(lineCount.get(auditKey(Number(problem.project_id), `problem:${problem.code}`, '')), problem.code).toBe(1);
  }
}
