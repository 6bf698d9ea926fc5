import { expect } from 'vitest';
import { formatWan } from '../../db/model/money';
import { sql, sqlFragment, sqlIdentifier } from '../../db/sql';
import type { Store } from '../../db/store/store';
import { auditLineOf, LOAD_MONTH, type FieldKind } from './office-load-actions';
import type { SentWrite } from './office-load';
import { LOAD_WEEK, type LoadSession } from './office-load-sessions';

// What the library must hold after the load: each field the last value written to it (as far as the clients
// can know the order: a write answered before another was sent came first), every answered write's one line in
// 变更记录 under its session's user, the history of each field unbroken old → new up to what is stored, and
// nothing of any refused write.

interface AuditLine {
  id: number;
  operator: string;
  entity: string;
  entity_id: number;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
}

interface Run {
  writes: SentWrite[];
  sessions: LoadSession[];
  /** the last line of 变更记录 before the run */
  auditMark: number;
}

const fieldKey = (kind: FieldKind, targetId: number) => `${kind}|${targetId}`;

export async function expectEveryWriteKept(store: Store, run: Run): Promise<void> {
  const stored = await storedValues(store);
  const lines = await store.all<AuditLine>(
    sql`SELECT id, operator, entity, entity_id, field, old_value, new_value FROM audit_log
        WHERE id > ${run.auditMark} ORDER BY id`,
  );
  expectLinesOfRealUsers(lines, run.sessions);
  expectOneLinePerWrite(lines, run.writes);
  expectUnbrokenHistories(lines, run.writes, stored);
  expectLastValues(run.writes, stored);
  await expectDispatchStamps(store, lines);
  await expectProblemNotes(store, run.writes);
  await expectRefusedWroteNothing(store, run.writes);
}

/** Each field's value now, as 变更记录 would show it (the month's figure in 万元). */
async function storedValues(store: Store): Promise<Map<string, string>> {
  const projects = await store.all<{ id: number; note: string; progress_text: string }>(
    sql`SELECT id, note, progress_text FROM projects`,
  );
  const entries = await store.all<{ project_id: number; progress: string; coordination: string }>(
    sql`SELECT project_id, progress, coordination FROM dispatch_entries WHERE week = ${LOAD_WEEK}`,
  );
  const months = await store.all<{ project_id: number; amount_yuan: number }>(
    sql`SELECT project_id, amount_yuan FROM monthly_investments
        WHERE year = ${LOAD_MONTH.year} AND month = ${LOAD_MONTH.month}`,
  );
  return new Map([
    ...projects.flatMap((p) => [
      [fieldKey('note', p.id), p.note] as const,
      [fieldKey('progressText', p.id), p.progress_text] as const,
    ]),
    ...entries.flatMap((e) => [
      [fieldKey('entry.progress', e.project_id), e.progress] as const,
      [fieldKey('entry.coordination', e.project_id), e.coordination] as const,
    ]),
    ...months.map((m) => [fieldKey('monthly', m.project_id), `${formatWan(m.amount_yuan)}万元`] as const),
  ]);
}

/** The operator of every line is a logged-in account with its address: never the single PC's clerk, never blank. */
function expectLinesOfRealUsers(lines: AuditLine[], sessions: LoadSession[]): void {
  const operators = new Set(sessions.map((s) => s.operator));
  const foreign = lines.filter((line) => !operators.has(line.operator));
  expect(foreign.slice(0, 10), `${foreign.length} 条变更记录的操作人不是登录的用户`).toEqual([]);
}

const lineKey = (entityId: number, field: string | null, newValue: string | null) => `${entityId}|${field}|${newValue}`;

function writeLineKey(write: SentWrite): string {
  const { entityId, field, newValue } = auditLineOf(write);
  return lineKey(entityId, field, newValue);
}

/** An answered write has exactly its one line, under its session's user; no line without a write that made it. */
function expectOneLinePerWrite(lines: AuditLine[], writes: SentWrite[]): void {
  const audited = writes.filter((w) => !w.offScope);
  const linesByKey = new Map<string, AuditLine[]>();
  for (const line of lines) {
    const key = lineKey(Number(line.entity_id), line.field, line.new_value);
    linesByKey.set(key, [...(linesByKey.get(key) ?? []), line]);
  }
  const wrong: string[] = [];
  for (const write of audited.filter((w) => w.outcome === 'acknowledged')) {
    const found = linesByKey.get(writeLineKey(write)) ?? [];
    const operators = found.map((line) => line.operator);
    if (found.length !== 1 || operators[0] !== write.session.operator)
      wrong.push(
        `${writeLineKey(write)}: ${found.length} 条 ${operators.join('、')}（应为 ${write.session.operator}）`,
      );
  }
  expect(wrong.slice(0, 10), `${wrong.length} 个确认的修改在变更记录中不是恰好一条`).toEqual([]);
  const sent = new Set(audited.filter((w) => w.outcome !== 'refused').map(writeLineKey));
  const unexplained = lines.filter((line) => !sent.has(lineKey(Number(line.entity_id), line.field, line.new_value)));
  expect(unexplained.slice(0, 10), `${unexplained.length} 条变更记录没有对应的修改`).toEqual([]);
  const acknowledged = audited.filter((w) => w.outcome === 'acknowledged').length;
  const uncertain = audited.filter((w) => w.outcome === 'uncertain').length;
  expect(lines.length).toBeGreaterThanOrEqual(acknowledged);
  expect(lines.length).toBeLessThanOrEqual(acknowledged + uncertain);
}

/** Per field, each line's old value is the line before's new one, and the last line's new value is stored. */
function expectUnbrokenHistories(lines: AuditLine[], writes: SentWrite[], stored: Map<string, string>): void {
  const kindOfField = new Map<string, FieldKind>();
  for (const write of writes) if (write.kind !== 'problemNote') kindOfField.set(auditLineOf(write).field, write.kind);
  const byField = new Map<string, AuditLine[]>();
  for (const line of lines) {
    const kind = line.field === null ? undefined : kindOfField.get(line.field);
    if (!kind) continue;
    const key = fieldKey(kind, Number(line.entity_id));
    byField.set(key, [...(byField.get(key) ?? []), line]);
  }
  const broken: string[] = [];
  for (const [key, history] of byField) {
    for (let i = 1; i < history.length; i++) {
      if ((history[i].old_value ?? '') !== (history[i - 1].new_value ?? ''))
        broken.push(`${key} #${history[i].id}: 原值 ${history[i].old_value}，上一条新值 ${history[i - 1].new_value}`);
    }
    const last = history[history.length - 1].new_value ?? '';
    if (stored.get(key) !== last) broken.push(`${key}: 库中 ${stored.get(key)}，变更记录最后为 ${last}`);
  }
  expect(broken.slice(0, 10), `${broken.length} 处变更记录与数据不衔接`).toEqual([]);
  // the chains were long enough to say something: fields written many times over by several sessions
  expect([...byField.values()].filter((history) => history.length >= 3).length).toBeGreaterThan(10);
}

/**
 * Each field holds a value one of its writes sent, and not one that an answered write is known to have replaced
 * (answered before that write was sent).
 */
function expectLastValues(writes: SentWrite[], stored: Map<string, string>): void {
  const byField = new Map<string, SentWrite[]>();
  for (const write of writes) {
    if (write.kind === 'problemNote' || write.outcome === 'refused') continue;
    const key = fieldKey(write.kind, write.targetId);
    byField.set(key, [...(byField.get(key) ?? []), write]);
  }
  const lost: string[] = [];
  for (const [key, sent] of byField) {
    const answered = sent.filter((w) => w.outcome === 'acknowledged');
    if (!answered.length) continue;
    const possible = sent.filter((w) => !answered.some((later) => later.sentAt > w.answeredAt)).map((w) => w.value);
    if (!possible.includes(stored.get(key) ?? ''))
      lost.push(`${key}: 库中 ${stored.get(key)}，应为 ${possible.join(' 或 ')}`);
  }
  expect(lost.slice(0, 10), `${lost.length} 个字段没有保存最后确认的值`).toEqual([]);
}

/** The week's row names who saved it last: the operator of its last line. */
async function expectDispatchStamps(store: Store, lines: AuditLine[]): Promise<void> {
  const lastBy = new Map<number, string>();
  for (const line of lines)
    if (line.field?.startsWith(`dispatch:${LOAD_WEEK}:`)) lastBy.set(Number(line.entity_id), line.operator);
  const rows = await store.all<{ project_id: number; updated_by: string }>(
    sql`SELECT project_id, updated_by FROM dispatch_entries WHERE week = ${LOAD_WEEK}`,
  );
  const stamps = new Map(rows.map((row) => [Number(row.project_id), row.updated_by]));
  const wrong = [...lastBy].filter(([projectId, operator]) => stamps.get(projectId) !== operator);
  expect(wrong.slice(0, 10), '周调度行的填报人').toEqual([]);
}

/** A problem's 进展 note is kept with the problem, with its own operator (and has its line in 变更记录). */
async function expectProblemNotes(store: Store, writes: SentWrite[]): Promise<void> {
  const notes = await store.all<{ problem_id: number; text: string; operator: string }>(
    sql`SELECT problem_id, text, operator FROM problem_notes WHERE text LIKE ${'负载-%'}`,
  );
  const sent = writes.filter((w) => w.kind === 'problemNote');
  const held = (write: SentWrite) =>
    notes.filter(
      (n) => n.text === write.value && Number(n.problem_id) === write.targetId && n.operator === write.session.operator,
    );
  const missing = sent.filter((w) => w.outcome === 'acknowledged' && held(w).length !== 1).map((w) => w.value);
  expect(missing.slice(0, 10), `${missing.length} 条确认的问题进展不在库中（或不止一条）`).toEqual([]);
  const possible = new Set(sent.filter((w) => w.outcome !== 'refused').map((w) => w.value));
  const unexplained = notes.filter((n) => !possible.has(n.text));
  expect(unexplained.slice(0, 10), '库中的问题进展都是会话提交过的').toEqual([]);
}

/** A refused write left nothing: its text nowhere (texts of 变更记录 and the week, projects, notes), its figure in no month. */
async function expectRefusedWroteNothing(store: Store, writes: SentWrite[]): Promise<void> {
  const refused = writes.filter((w) => w.outcome === 'refused');
  const texts = new Set(refused.filter((w) => w.kind !== 'monthly').map((w) => w.value));
  const amounts = new Set(refused.filter((w) => w.kind === 'monthly').map((w) => w.amountYuan!));
  const ofRun = (column: string) =>
    sqlFragment`(${sqlIdentifier(column)} LIKE ${'负载-%'} OR ${sqlIdentifier(column)} LIKE ${'越权-%'})`;
  const held = [
    ...(await store.all<{ text: string }>(sql`SELECT text FROM audit_texts WHERE ${ofRun('text')}`)),
    ...(await store.all<{ text: string }>(sql`SELECT note AS text FROM projects WHERE ${ofRun('note')}`)),
    ...(await store.all<{ text: string }>(
      sql`SELECT progress_text AS text FROM projects WHERE ${ofRun('progress_text')}`,
    )),
    ...(await store.all<{ text: string }>(sql`SELECT text FROM problem_notes WHERE ${ofRun('text')}`)),
  ].map((row) => row.text);
  expect(held.length, '本次运行写下的文字').toBeGreaterThan(100);
  expect(
    held.filter((text) => texts.has(text)),
    '被拒绝的修改留下了文字',
  ).toEqual([]);
  const figures = await store.all<{ amount_yuan: number }>(
    sql`SELECT amount_yuan FROM monthly_investments WHERE year = ${LOAD_MONTH.year} AND month = ${LOAD_MONTH.month}`,
  );
  expect(
    figures.filter((row) => amounts.has(Number(row.amount_yuan))),
    '被拒绝的月度投资留下了数字',
  ).toEqual([]);
}
