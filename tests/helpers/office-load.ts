import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';
import type { MethodOutput } from '../../electron/api-spec';
import type { Store } from '../../db/store/store';
import { actionsOf, type PlannedWrite } from './office-load-actions';
import { expectEveryWriteKept } from './office-load-checks';
import { FIRST_ADMIN, setUpLoadOffice, type LoadRole, type LoadSession } from './office-load-sessions';

// 30 sessions of mixed roles on the office server for 30 s (issue #15, Tests: Load), engine-blind: the test
// file starts the app servers on the example office (one on a SQLite file, two on one PostgreSQL database) and
// opens the library afterwards. Each session does what its role does, with small pauses; then every
// acknowledged write must be in the library with its line in 变更记录 under its user, every refused one nowhere.

const MIX = { office: 6, leader: 3, unit: 20 };
const LOAD_MS = 30_000;
/** a call without an answer for this long is a failure of the run, reported as such, never a hang */
const REQUEST_TIMEOUT_MS = 15_000;
const PAUSE_MS = { min: 20, max: 150 };
const SCOPE_REFUSAL = '责任单位账户只能查看和填报本单位的项目';

export interface LoadServers {
  ports: number[];
  /** stops the servers gently: the requests under way are answered first */
  stop(): Promise<void>;
}

export interface LoadLibrary {
  /** the app servers on the example office; the first makes the first admin (FIRST_ADMIN) */
  startServers(firstAdmin: { login: string; password: string }): Promise<LoadServers>;
  /** the library as the servers left it, for the checks once they have stopped */
  open(): Promise<{ store: Store; close(): Promise<void> }>;
}

export interface SentWrite extends PlannedWrite {
  session: LoadSession;
  /** performance.now() when sent and when answered: a write answered before another was sent came first */
  sentAt: number;
  answeredAt: number;
  outcome: 'acknowledged' | 'refused' | 'uncertain';
}

interface Unexpected {
  session: string;
  method: string;
  answer: string;
}

interface RoleFigures {
  requests: number;
  totalMs: number;
  slowestMs: number;
}

/** A deterministic mix per session, so a failure can be run again the same way. */
function randomOf(seed: number) {
  let state = seed * 2654435761;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return { random, pick: <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] };
}

export async function runOfficeLoad(library: LoadLibrary, engine: string): Promise<void> {
  const servers = await library.startServers(FIRST_ADMIN);
  let stopped = false;
  try {
    const setUpStarted = performance.now();
    const office = await setUpLoadOffice(servers.ports, MIX, REQUEST_TIMEOUT_MS);
    // the change history's last line before the run: every line after it was written by the run
    type AuditPage = MethodOutput<'audit.list'>;
    const auditMark = (await office.admin.ok<AuditPage>('audit.list', { limit: 1 })).entries[0]?.id ?? 0;
    const setUpMs = performance.now() - setUpStarted;

    const writes: SentWrite[] = [];
    const unexpected: Unexpected[] = [];
    const figures = new Map<LoadRole, RoleFigures>();
    const deadline = performance.now() + LOAD_MS;

    async function work(session: LoadSession): Promise<void> {
      const choose = randomOf(session.index + 1);
      const next = actionsOf(session, office, choose);
      const roleFigures = figures.get(session.role) ?? { requests: 0, totalMs: 0, slowestMs: 0 };
      figures.set(session.role, roleFigures);
      for (let n = 1; performance.now() < deadline; n++) {
        const action = next(n);
        const sentAt = performance.now();
        let answer: string;
        let outcome: SentWrite['outcome'];
        try {
          const reply = await session.browser.call(action.method, action.input);
          answer = `${reply.status} ${reply.result.ok ? 'ok' : `${reply.result.error.code} ${reply.result.error.message}`}`;
          outcome = reply.status === 200 ? 'acknowledged' : 'refused';
          const expected = action.write?.offScope ? `403 forbidden ${SCOPE_REFUSAL}` : '200 ok';
          // a conflict is a refusal the versions' check may give a write; it must have written nothing
          if (answer !== expected && reply.status !== 409)
            unexpected.push({ session: session.login, method: action.method, answer });
        } catch (error) {
          answer = error instanceof Error ? error.message : String(error);
          outcome = 'uncertain';
          unexpected.push({ session: session.login, method: action.method, answer: `no answer: ${answer}` });
        }
        const answeredAt = performance.now();
        roleFigures.requests++;
        roleFigures.totalMs += answeredAt - sentAt;
        roleFigures.slowestMs = Math.max(roleFigures.slowestMs, answeredAt - sentAt);
        if (action.write) writes.push({ ...action.write, session, sentAt, answeredAt, outcome });
        await sleep(PAUSE_MS.min + choose.random() * (PAUSE_MS.max - PAUSE_MS.min));
      }
    }

    const started = performance.now();
    await Promise.all(office.sessions.map(work));
    const tookMs = performance.now() - started;
    await servers.stop();
    stopped = true;

    report(engine, { setUpMs, tookMs, writes, figures, sessions: office.sessions });
    expect(unexpected.slice(0, 20), `${unexpected.length} 个请求的答复不符合其角色`).toEqual([]);
    const acknowledged = writes.filter((w) => w.outcome === 'acknowledged');
    for (const kind of ['note', 'progressText', 'entry.progress', 'entry.coordination', 'monthly', 'problemNote'])
      expect(acknowledged.filter((w) => w.kind === kind).length, kind).toBeGreaterThan(3);
    expect(writes.filter((w) => w.offScope).length, '越权尝试').toBeGreaterThan(3);

    const opened = await library.open();
    try {
      await expectEveryWriteKept(opened.store, { writes, sessions: office.sessions, auditMark });
    } finally {
      await opened.close();
    }
  } finally {
    if (!stopped) await servers.stop();
  }
}

function report(
  engine: string,
  run: {
    setUpMs: number;
    tookMs: number;
    writes: SentWrite[];
    figures: Map<LoadRole, RoleFigures>;
    sessions: LoadSession[];
  },
): void {
  const seconds = run.tookMs / 1000;
  const byRole = Object.fromEntries(
    [...run.figures].map(([role, f]) => [
      role,
      {
        sessions: run.sessions.filter((s) => s.role === role).length,
        requestsPerSecond: Math.round((f.requests / seconds) * 10) / 10,
        meanMs: Math.round(f.totalMs / Math.max(1, f.requests)),
        slowestMs: Math.round(f.slowestMs),
      },
    ]),
  );
  const count = (outcome: SentWrite['outcome']) => run.writes.filter((w) => w.outcome === outcome).length;
  console.log(
    `[office-load ${engine}]`,
    JSON.stringify({
      setUpMs: Math.round(run.setUpMs),
      runMs: Math.round(run.tookMs),
      byRole,
      writes: { acknowledged: count('acknowledged'), refused: count('refused'), uncertain: count('uncertain') },
    }),
  );
}
