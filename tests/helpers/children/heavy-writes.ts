// Child process for the crash test: writes through the contract as fast as it can, and after each write has
// committed says so on stdout. The parent kills it at a random moment.
import fs from 'node:fs';
import { dispatch } from '../../../electron/contract';
import { openAppContext } from '../../../electron/services/app-context';

const [dataDir, firstSeq] = process.argv.slice(2);
const opening = openAppContext({ dataDir, today: () => '2026-11-28' });

async function must(method: string, input: unknown): Promise<Record<string, unknown>> {
  const result = await dispatch(await opening, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.data as Record<string, unknown>;
}

function say(line: string): void {
  // synchronous: a line that was written describes a commit that happened
  fs.writeSync(1, `${line}\n`);
}

async function main(): Promise<void> {
  const status = await must('app.status', {});
  if (status.needsSetup) await must('app.initialize', { operatorName: '压测', loadDemo: false });
  const chains = (await must('reference.list', {})).chains as { id: number }[];
  say('ready');
  for (let seq = Number(firstSeq); ; seq++) {
    const project = await must('projects.create', {
      name: `压测项目-${seq}`,
      owner: '压测公司',
      chainId: chains[seq % chains.length].id,
      stage: 'continuing',
      actualStartDate: '2026-01-05',
      totalInvestmentYuan: seq * 10_000,
    });
    await must('projects.update', { id: project.id, note: `第${seq}次修改`, progressText: 'x'.repeat(seq % 400) });
    await must('projects.setMonthlyInvestment', {
      projectId: project.id,
      year: 2026,
      month: 11,
      amountYuan: seq * 100,
    });
    await must('dispatch.saveEntry', { projectId: project.id, week: '2026-W48', progress: `进展${seq}` });
    say(`committed ${seq}`);
  }
}

main().catch((error: unknown) => {
  say(`failed ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
