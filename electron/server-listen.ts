// `--listen HOST[:PORT]`: where the office server listens. An IPv6 address with a port goes in brackets.
import net from 'node:net';

export const DEFAULT_PORT = 5180;

export interface ListenAt {
  host: string;
  port: number;
}

const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;

/** The address and port, or null when `value` is not one (the caller says so). */
export function parseListen(value: string): ListenAt | null {
  let host = value;
  let port = String(DEFAULT_PORT);
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(value);
  if (bracketed) [host, port] = [bracketed[1], bracketed[2] ?? port];
  else if (!net.isIPv6(value)) {
    const withPort = /^(.*):(\d+)$/.exec(value);
    if (withPort) [host, port] = [withPort[1], withPort[2]];
  }
  const number = Number(port);
  if (!Number.isInteger(number) || number < 0 || number > 65535) return null;
  if (bracketed ? !net.isIPv6(host) : !(net.isIP(host) || HOST_NAME.test(host))) return null;
  return { host, port: number };
}
