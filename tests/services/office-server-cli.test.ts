import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { UserView } from '../../electron/services/auth/user-view';
import { NO_ACCOUNTS } from '../../electron/server-accounts';
import { startWebHost } from '../../electron/web-host';
import { lanAddress } from '../helpers/office-server-suite';
import { ServerBrowser } from '../helpers/server-client';
import { makeTempDir } from '../helpers/temp-dir';

// `npm run server` as an administrator starts it (the command line, run from the sources with tsx), and the
// server over TLS.

const root = path.resolve(__dirname, '..', '..');
const temp = makeTempDir('zdxm-server-cli-');
afterAll(() => temp.remove());
const PASSWORD = 'qwerty-2026';

interface Run {
  code: number | null;
  output: string;
}

/** The server's command line until it exits, or until it says where to open it (then `port` and `stop`). */
function runServer(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/server-cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<Run>((resolve) => child.once('exit', (code) => resolve({ code, output })));
  const listening = new Promise<number | null>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /请在[^：]*打开[：\s]*https?:\/\/[^\s/]+:(\d+)\//.exec(output);
      if (port) resolve(Number(port[1]));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => resolve(null));
  });
  return {
    exited,
    listening,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

const SLOW = 120_000;

describe('npm run server 的命令行', () => {
  it(
    '没有账户时拒绝在 0.0.0.0 上启动；给了 --init-admin 和 ZDXM_INIT_PASSWORD 就启动，密码不出现在输出里',
    async () => {
      const dataDir = path.join(temp.dir, 'lan');
      const refused = await runServer(['--data-dir', dataDir, '--listen', '0.0.0.0:0']).exited;
      expect(refused.code).toBe(1);
      expect(refused.output).toContain(NO_ACCOUNTS);

      const noPassword = await runServer(['--data-dir', dataDir, '--listen', '0.0.0.0:0', '--init-admin', 'admin'], {
        ZDXM_INIT_PASSWORD: '',
      }).exited;
      expect(noPassword.code).toBe(2);
      expect(noPassword.output).toContain('--init-admin 需要在环境变量 ZDXM_INIT_PASSWORD 中给出初始密码');
      expect((await runServer(['--data-dir', dataDir, '--listen', 'a b:1']).exited).output).toContain(
        '--listen 应为 地址[:端口]',
      );

      const server = runServer(['--data-dir', dataDir, '--listen', '0.0.0.0:0', '--init-admin', 'admin'], {
        ZDXM_INIT_PASSWORD: PASSWORD,
      });
      const port = await server.listening;
      expect(port, server.output()).not.toBeNull();
      const address = lanAddress() ?? '127.0.0.1';
      if (address === '127.0.0.1') console.warn('this machine has no LAN address: the login is tried on loopback');
      const browser = new ServerBrowser({ port: port!, address });
      await browser.ok('auth.login', { login: 'admin', password: PASSWORD });
      expect((await browser.ok<UserView>('auth.me')).role).toBe('admin');
      expect(await server.stop()).toMatchObject({ code: 0 });
      expect(server.output()).toContain('已建立初始管理员 admin');
      expect(server.output()).toContain(`http://${address}:${port}/`);
      expect(server.output()).not.toContain(PASSWORD);
    },
    SLOW,
  );
});

function selfSignedPair(dir: string): { cert: Buffer; key: Buffer } {
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost'].concat([
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ]),
      { stdio: 'ignore' },
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('the TLS test needs openssl to make its certificate: apt-get install -y openssl', {
        cause: error,
      });
    }
    throw error;
  }
  return { cert: fs.readFileSync(cert), key: fs.readFileSync(key) };
}

describe('TLS', () => {
  it(
    '用证书和私钥以 https 提供服务，会话 Cookie 带 Secure；明文 http 连不上',
    async () => {
      const { cert, key } = selfSignedPair(temp.dir);
      const host = await startWebHost({
        dataDir: path.join(temp.dir, 'tls'),
        staticDir: temp.dir,
        port: 0,
        server: {
          listenHost: '127.0.0.1',
          names: [],
          tls: { cert, key },
          firstAdmin: { login: 'admin', password: PASSWORD },
        },
      });
      try {
        expect(host.url).toBe(`https://127.0.0.1:${host.port}/`);
        const browser = new ServerBrowser({ port: host.port, scheme: 'https', ca: cert });
        const login = await browser.call('auth.login', { login: 'admin', password: PASSWORD });
        expect(login.status).toBe(200);
        expect(login.setCookie[0].split('; ').slice(1).sort()).toEqual([
          'HttpOnly',
          'Path=/',
          'SameSite=Strict',
          'Secure',
        ]);
        expect((await browser.ok<UserView>('auth.me')).login).toBe('admin');
        // an http:// origin is not this server's under TLS
        const plainOrigin = await browser.call('auth.me', {}, { Origin: `http://127.0.0.1:${host.port}` });
        expect(plainOrigin.status).toBe(403);
        const plain = new ServerBrowser({ port: host.port });
        await expect(plain.call('auth.me')).rejects.toThrow();
      } finally {
        await host.close();
      }
    },
    SLOW,
  );
});
