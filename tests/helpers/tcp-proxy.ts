import net from 'node:net';

export { freePort } from '../../scripts/free-port';

// A stand-in for the network between the app and its database server: it forwards a port to the real server,
// and the test pulls the plug (every connection cut, nothing listening) and puts it back.

export interface TcpProxy {
  port: number;
  /** cuts every connection and stops listening: the server is gone */
  down(): Promise<void>;
  /** listens again on the same port */
  up(): Promise<void>;
}

/** A proxy on `port` to `target`, not yet listening: call `up()`. */
export function tcpProxy(port: number, target: { host: string; port: number }): TcpProxy {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  return {
    port,
    up: () =>
      new Promise<void>((resolve, reject) => {
        server = net.createServer((client) => {
          const upstream = net.connect(target.port, target.host);
          track(client);
          track(upstream);
          client.pipe(upstream).pipe(client);
          client.on('close', () => upstream.destroy());
          upstream.on('close', () => client.destroy());
        });
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve());
      }),
    down: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        if (!server) return resolve();
        server.close(() => resolve());
        server = null;
      }),
  };
}
