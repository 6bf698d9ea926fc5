// The names and addresses the office server answers to, and whether it listens beyond this machine.
import os from 'node:os';
import net from 'node:net';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const WILDCARDS = new Set(['0.0.0.0', '::']);

/** An address for a Host header or a URL: an IPv6 address goes in brackets. */
export function hostForm(address: string): string {
  return net.isIPv6(address) ? `[${address}]` : address;
}

/** Whether a listen address reaches only this machine. */
export function isLoopback(listenHost: string): boolean {
  return listenHost === 'localhost' || listenHost === '::1' || /^127\./.test(listenHost);
}

/**
 * This machine's own LAN addresses that a wildcard listen reaches (0.0.0.0: IPv4 only). Link-local IPv6
 * addresses are left out: nobody types one with its zone into a browser.
 */
function machineAddresses(listenHost: string): string[] {
  return Object.values(os.networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => !entry.internal && (listenHost === '::' || entry.family === 'IPv4'))
    .filter((entry) => !/^fe80:/i.test(entry.address))
    .map((entry) => hostForm(entry.address));
}

/**
 * Every name a client may put in Host and Origin: the loopback names, the names given with --name, the listen
 * address itself and, for a wildcard listen, every address of this machine's network interfaces.
 */
export function serverHostNames(listenHost: string, names: readonly string[]): string[] {
  const listened = WILDCARDS.has(listenHost) ? machineAddresses(listenHost) : [hostForm(listenHost)];
  return [...new Set([...LOOPBACK_NAMES, ...listened, ...names.map((name) => hostForm(name))])];
}

/** The address to show for the server: a specific listen address, or for a wildcard the loopback one. */
export function shownHost(listenHost: string): string {
  return WILDCARDS.has(listenHost) ? '127.0.0.1' : hostForm(listenHost);
}
