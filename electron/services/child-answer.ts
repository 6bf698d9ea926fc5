import { fork, type Serializable } from 'node:child_process';

// A job done in a child process of its own (a bundle beside the host): what the work leaves in the allocator goes
// when the child exits, instead of staying in the host for as long as it runs.

/**
 * Forks `file`, sends it `job` and resolves with the first message it sends back; null when it gave none (it
 * could not start, or died), so the caller can do the work itself.
 */
export function answerFromChild<Job extends Serializable, Answer>(
  file: string,
  job: Job,
  serialization: 'json' | 'advanced',
): Promise<Answer | null> {
  return new Promise((resolve) => {
    const child = fork(file, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization });
    let answer: Answer | null = null;
    child.once('message', (message: Answer) => (answer = message));
    child.once('error', () => resolve(answer));
    child.once('exit', () => resolve(answer));
    child.send(job);
  });
}
