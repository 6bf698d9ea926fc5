// Whether the client that sent a request has closed its connection since.
import type http from 'node:http';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Whether the client has gone, once what already waits in the kernel has been read. A window that navigates away
 * aborts its reads by closing their connections; a host busy with an earlier request reads the request and the
 * close on its next turns of the event loop, the request first, so one turn is not enough to see the close.
 */
export async function clientLeft(req: http.IncomingMessage): Promise<boolean> {
  await nextTurn();
  await nextTurn();
  const socket = req.socket as http.IncomingMessage['socket'] | null;
  return !socket || socket.destroyed || !socket.writable;
}
