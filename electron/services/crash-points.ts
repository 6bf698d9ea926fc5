// Tests prove that a kill at any step of a file swap (restore, moving the data folder) leaves a folder the next
// start can open with either the old or the new data, and that a ledger import killed on a database server leaves
// all of it or none. A child process names the step to die at in ZDXM_CRASH_AT; in the product the variable is
// never set and each call is one comparison.

export function crashPoint(step: string): void {
  if (process.env.ZDXM_CRASH_AT === step) process.kill(process.pid, 'SIGKILL');
}
