import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { checkServer } from '../../electron/desktop-client/check-server';
import { readClientConfig, writeClientConfig } from '../../electron/desktop-client/client-config';
import { isOnOrigin, parseServerUrl } from '../../electron/desktop-client/server-url';
import { makeTempDir } from '../helpers/temp-dir';

describe('办公室服务器地址', () => {
  it('接受 http/https、主机名或 IP、可选端口；只取其源', () => {
    expect(parseServerUrl(' http://192.168.1.10:8080 ')).toEqual({ ok: true, origin: 'http://192.168.1.10:8080' });
    expect(parseServerUrl('192.168.1.10:8080')).toEqual({ ok: true, origin: 'http://192.168.1.10:8080' });
    expect(parseServerUrl('https://xmb.local/')).toEqual({ ok: true, origin: 'https://xmb.local' });
    expect(parseServerUrl('HTTP://XMB-Server:80')).toEqual({ ok: true, origin: 'http://xmb-server' });
  });

  it('拒绝其他协议、路径、用户名密码和无效地址，并用中文说明', () => {
    const refused = (text: string) => {
      const check = parseServerUrl(text);
      return check.ok ? 'accepted' : check.message;
    };
    expect(refused('')).toBe('请填写办公室服务器的地址，例如 http://192.168.1.10:8080');
    expect(refused('ftp://192.168.1.10')).toBe('地址须以 http:// 或 https:// 开头');
    expect(refused('file:///C:/data')).toBe('地址须以 http:// 或 https:// 开头');
    expect(refused('http://192.168.1.10:8080/admin')).toContain('不要带路径');
    expect(refused('http://192.168.1.10/?a=1')).toContain('不要带路径');
    expect(refused('http://zhang:mima@192.168.1.10')).toBe('地址中不能包含用户名或密码，登录在连接后进行');
    expect(refused('http://192.168.1.10:99999')).toContain('不是有效的地址');
    expect(refused('http://')).toContain('不是有效的地址');
  });

  it('同源判断：协议、主机、端口都相同才算', () => {
    const origin = 'http://192.168.1.10:8080';
    expect(isOnOrigin('http://192.168.1.10:8080/#/projects', origin)).toBe(true);
    expect(isOnOrigin('http://192.168.1.10:8080/api/events', origin)).toBe(true);
    expect(isOnOrigin('https://192.168.1.10:8080/', origin)).toBe(false);
    expect(isOnOrigin('http://192.168.1.10:8081/', origin)).toBe(false);
    expect(isOnOrigin('http://192.168.1.10.evil.example:8080/', origin)).toBe(false);
    expect(isOnOrigin('javascript:alert(1)', origin)).toBe(false);
    expect(isOnOrigin(undefined, origin)).toBe(false);
  });
});

/** A throwaway HTTP server answering `answer` on every request; closed after `work`. */
async function withServer(answer: (res: http.ServerResponse) => void, work: (origin: string) => Promise<void>) {
  const server = http.createServer((_req, res) => answer(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await work(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('连接前试一次 /api/health', () => {
  it('本程序的服务器通过；其他网站、错误答复和连不上各有中文说明', async () => {
    await withServer(
      (res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true,"version":"0.1.0"}'),
      async (origin) => expect(await checkServer(origin)).toBeNull(),
    );
    await withServer(
      (res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>路由器</html>'),
      async (origin) => expect(await checkServer(origin)).toBe(`${origin} 不是重点项目推进台的办公室服务器`),
    );
    await withServer(
      (res) => res.writeHead(404).end(),
      async (origin) =>
        expect(await checkServer(origin)).toBe(`${origin} 不是重点项目推进台的办公室服务器（答复 404）`),
    );
    let closedOrigin = '';
    await withServer(
      (res) => res.end(),
      async (origin) => {
        closedOrigin = origin;
      },
    );
    expect(await checkServer(closedOrigin)).toBe(`无法连接 ${closedOrigin}：请确认地址和端口正确、服务器已启动`);
  });
});

describe('桌面程序自己的设置文件', () => {
  it('没有文件时是单机；写入后读回；损坏时按单机', () => {
    const temp = makeTempDir('zdxm-client-config-');
    try {
      expect(readClientConfig(temp.dir)).toEqual({ serverOrigin: null });
      writeClientConfig(temp.dir, { serverOrigin: 'http://192.168.1.10:8080' });
      expect(readClientConfig(temp.dir)).toEqual({ serverOrigin: 'http://192.168.1.10:8080' });
      writeClientConfig(temp.dir, { serverOrigin: null });
      expect(readClientConfig(temp.dir)).toEqual({ serverOrigin: null });
    } finally {
      temp.remove();
    }
  });
});
