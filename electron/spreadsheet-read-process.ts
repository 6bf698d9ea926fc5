// Runs as a child process of the browser host: reads one spreadsheet and exits. A worker thread's reading leaves
// tens of MB in the allocator's arena, which the host keeps for as long as it runs; a process that exits gives
// back all of it.
import { answerRead, type ReadAnswer, type ReadJob } from './services/spreadsheet/read-answer';

// the host is gone (killed, closed): nobody waits for this read
process.on('disconnect', () => process.exit(0));

process.once('message', (job: ReadJob) => {
  void answerRead(job).then((answer: ReadAnswer) => process.send?.(answer, () => process.exit(0)));
});
