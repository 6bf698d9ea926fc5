import { AsyncLocalStorage } from 'node:async_hooks';
import type { UserView } from './user-view';

/** Who calls a method on the office server: the session's user and the client's address. */
export interface Caller {
  user: UserView;
  sessionId: number;
  address: string;
}

/** A request to the office server without a session: it may log in, and little else. */
export interface Visitor {
  user: null;
  sessionId: null;
  address: string;
}

/** What a transport hands the contract on an office server; a single PC hands nothing (no login). */
export type RequestCaller = Caller | Visitor;

// The contract's dispatch runs each method inside its caller, so the code that names the operator of a change
// (services/session.ts) finds it without every handler passing it on.
const calling = new AsyncLocalStorage<RequestCaller>();

export function runAsCaller<T>(caller: RequestCaller | undefined, work: () => Promise<T>): Promise<T> {
  return caller ? calling.run(caller, work) : work();
}

/** The logged-in caller of the method under way; undefined on a single PC or before a login. */
export function currentCaller(): Caller | undefined {
  const caller = calling.getStore();
  return caller?.user ? caller : undefined;
}

/** Whether the method under way came through an office server's transport, which logs users in. */
export function onOfficeServer(): boolean {
  return calling.getStore() !== undefined;
}

/** Where the request under way came from ('' on a single PC). */
export function currentAddress(): string {
  return calling.getStore()?.address ?? '';
}

/** The operator written into the change history: the user's name, and where they were. */
export function operatorOf(caller: Caller): string {
  return caller.address ? `${caller.user.displayName}（${caller.address}）` : caller.user.displayName;
}

/** an address operatorOf appended: IPv4 dotted or IPv6 with colons, nothing a clerk's typed name would end in */
const APPENDED_ADDRESS = /（[0-9a-f]*[.:][0-9a-f.:]*）$/i;

/**
 * Who an operator of the change history is, without where they were: what a refusal names (已被 张三 于 10:42
 * 修改), as the live notices do. A single PC's free-text name comes back as it is.
 */
export function personOf(operator: string): string {
  return operator.replace(APPENDED_ADDRESS, '');
}
