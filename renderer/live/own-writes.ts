import type { ChangeEvent } from '../../db/model/change-event';

// The window's own calls, so that the changes it made itself are neither reloaded nor announced to it. Each call
// sent over HTTP is noted by name; the first change of that method to arrive soon after is taken as this window's.
// Two windows saving the same kind of change at the same moment may swap theirs: each still reloads once.

const OWN_FOR_MS = 30_000;
const sent = new Map<string, number[]>();

export function noteSent(method: string, now = Date.now()): void {
  const times = (sent.get(method) ?? []).filter((at) => now - at < OWN_FOR_MS);
  times.push(now);
  sent.set(method, times);
}

/** A call the server refused changed nothing, so no change of its will come. */
export function forgetSent(method: string): void {
  const times = sent.get(method);
  times?.pop();
  if (times && !times.length) sent.delete(method);
}

/** True (and forgotten) when the window sent this change itself. */
export function takeOwn(event: ChangeEvent, now = Date.now()): boolean {
  const times = (sent.get(event.method) ?? []).filter((at) => now - at < OWN_FOR_MS);
  const own = times.length > 0;
  if (own) times.shift();
  if (times.length) sent.set(event.method, times);
  else sent.delete(event.method);
  return own;
}
