import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SCHEMA_VERSION } from '../../db/migrations';
import { getSetting } from '../../db/queries/settings';
import { openAppContext } from '../../electron/services/app-context';
import { startWebHost, type WebHost } from '../../electron/web-host';
import { hostHeader, sendRaw } from '../helpers/raw-http';
import { makeTempDir } from '../helpers/temp-dir';

const MB = 1024 * 1024;
const tooLarge = (megabytes: number) => ({
  ok: false,
  error: { code: 'payload_too_large', message: `提交的内容过大（超过${megabytes}MB），未保存` },
});

let host: WebHost;
const temp = makeTempDir('zdxm-host-');
const staticDir = path.join(temp.dir, 'static');

beforeAll(async () => {
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>重点项目推进台</title>');
  host = await startWebHost({ dataDir: path.join(temp.dir, 'data'), port: 0, staticDir, today: () => '2026-11-28' });
});
afterAll(async () => {
  await host.close();
  temp.remove();
});

function request(
  method: string,
  urlPath: string,
  options: { body?: string; headers?: Record<string, string>; port?: number } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: options.port ?? host.port, method, path: urlPath, headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('浏览器版服务', () => {
  it('只在 127.0.0.1 上提供服务，健康检查报版本、结构版本和后台完整检查的状态', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const health = await request('GET', '/api/health');
    expect(health.status).toBe(200);
    // this host runs no background check (the command line starts it): its state stays “waiting”
    expect(JSON.parse(health.body)).toEqual({
      ok: true,
      version: '0.1.0',
      schemaVersion: SCHEMA_VERSION,
      fullCheck: 'waiting',
      damaged: false,
    });
  });

  it('GET /api 列出全部方法', async () => {
    const { methods } = JSON.parse((await request('GET', '/api')).body) as { methods: string[] };
    expect(methods).toEqual(
      expect.arrayContaining(['projects.create', 'projects.get', 'projects.update', 'projects.list', 'reference.list']),
    );
  });

  it('POST 调用方法，错误以中文返回并带状态码', async () => {
    const list = await request('POST', '/api/reference.list', { body: '' });
    expect(JSON.parse(list.body).data.chains).toHaveLength(11);
    const bad = await request('POST', '/api/projects.create', { body: '{"name": ""}' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toMatchObject({ code: 'invalid_input', message: '请填写项目名称' });
    const notJson = await request('POST', '/api/projects.list', { body: '{oops' });
    expect(JSON.parse(notJson.body).error.message).toBe('提交的内容不是有效的JSON，未保存');
    expect((await request('POST', '/api/projects.drop', { body: '{}' })).status).toBe(404);
  });

  it('超过5MB的请求：连接关闭之前先收到完整的413说明', async () => {
    const response = await fetch(`${host.url}api/projects.list`, { method: 'POST', body: 'x'.repeat(6 * MB) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(tooLarge(5));
  });

  it('不声明长度、边发边超过5MB的请求也先收到413', async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // stops by itself well past the limit, whether or not the answer came first
        if (sent >= 8 * MB) return controller.close();
        sent += MB;
        controller.enqueue(new Uint8Array(MB).fill(32));
      },
    });
    const init = { method: 'POST', body, duplex: 'half' } as RequestInit;
    const response = await fetch(`${host.url}api/projects.list`, init);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(tooLarge(5));
  });

  it('导入文件的接口上限是32MB，413说明里写的也是32MB', async () => {
    const file = (size: number) => JSON.stringify({ file: 'A'.repeat(size) });
    const underFileLimit = await fetch(`${host.url}api/ledger.previewImport`, { method: 'POST', body: file(6 * MB) });
    expect(underFileLimit.status).toBe(400);
    expect((await underFileLimit.json()).error.code).not.toBe('payload_too_large');
    const over = await fetch(`${host.url}api/ledger.previewImport`, { method: 'POST', body: file(33 * MB) });
    expect(over.status).toBe(413);
    expect(await over.json()).toEqual(tooLarge(32));
  }, 30_000);

  it('直接用套接字发送：声明超长、分块超长，都读到完整的413正文，连接随后关闭', async () => {
    const head = (method: string, headers: string) =>
      `POST /api/${method} HTTP/1.1\r\n${hostHeader(host.port)}${headers}\r\n`;
    const declared = await sendRaw(
      host.port,
      [head('fillin.preview', `Content-Length: ${40 * MB}\r\n`), Buffer.alloc(40 * MB, 32)],
      { untilClosed: true },
    );
    expect(declared).toMatchObject({ status: 413, ending: 'complete', closed: true, headers: { connection: 'close' } });
    expect(JSON.parse(declared.body)).toEqual(tooLarge(32));

    const chunk = Buffer.concat([Buffer.from(`${MB.toString(16)}\r\n`), Buffer.alloc(MB, 32), Buffer.from('\r\n')]);
    const chunked = await sendRaw(host.port, [
      head('projects.list', 'Transfer-Encoding: chunked\r\n'),
      ...Array.from({ length: 7 }, () => chunk),
      '0\r\n\r\n',
    ]);
    expect(chunked).toMatchObject({ status: 413, ending: 'complete' });
    expect(JSON.parse(chunked.body)).toEqual(tooLarge(5));
    // and the host goes on answering
    expect((await request('GET', '/api/health')).status).toBe(200);
  }, 30_000);

  it('窗口离开后，还没开始的读取就不做了；写入即使对方已离开也照样完成', async () => {
    const sendAndLeave = (method: string, input: unknown) => {
      const body = JSON.stringify(input);
      const head = `POST /api/${method} HTTP/1.1\r\n${hostHeader(host.port)}Content-Length: ${Buffer.byteLength(body)}\r\n`;
      return sendRaw(host.port, `${head}\r\n${body}`, { abort: true });
    };
    const before = host.abandonedReads;
    await sendAndLeave('projects.list', {});
    await vi.waitFor(() => expect(host.abandonedReads).toBe(before + 1));

    await sendAndLeave('app.initialize', { operatorName: '关窗的人', loadDemo: false });
    await vi.waitFor(async () => {
      const status = JSON.parse((await request('POST', '/api/app.status', { body: '{}' })).body);
      expect(status.data.operatorName).toBe('关窗的人');
    });
    expect(host.abandonedReads).toBe(before + 1);
  });

  it('拒绝别的主机名和跨站来源（防 DNS 重绑定与跨站提交）', async () => {
    const rebinding = await request('GET', '/api/health', { headers: { Host: 'evil.example:80' } });
    expect(rebinding.status).toBe(403);
    const crossSite = await request('POST', '/api/reference.list', {
      body: '{}',
      headers: { Origin: 'http://evil.example' },
    });
    expect(crossSite.status).toBe(403);
  });

  it('静态页面不能越出目录', async () => {
    expect((await request('GET', '/')).body).toContain('重点项目推进台');
    expect((await request('GET', '/../../etc/passwd')).status).toBe(404);
    expect((await request('GET', '/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });
});

describe('关闭浏览器版服务', () => {
  it('正在保存的修改先做完并答复，然后才关闭数据；关闭开始后不再接受新的连接', async () => {
    const own = makeTempDir('zdxm-host-close-');
    const dataDir = path.join(own.dir, 'data');
    const closing = await startWebHost({ dataDir, port: 0, staticDir, today: () => '2026-11-28' });
    try {
      // the Store's turn held, as by a long save before this one; the request below waits in line behind it
      let release!: () => void;
      const held = closing.ctx.store.snapshot(() => new Promise<void>((resolve) => (release = resolve)));
      const store = closing.ctx.store;
      const transaction = store.transaction.bind(store);
      let reached!: () => void;
      const inLine = new Promise<void>((resolve) => (reached = resolve));
      store.transaction = (work, options) => {
        reached();
        return transaction(work, options);
      };
      const save = request('POST', '/api/app.initialize', {
        port: closing.port,
        body: JSON.stringify({ operatorName: '收尾的人', loadDemo: false }),
      });
      await inLine;

      const closed = closing.close();
      await expect(request('GET', '/api/health', { port: closing.port })).rejects.toThrow(/ECONNREFUSED/);
      release();
      await held;
      const answer = await save;
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body).data.operatorName).toBe('收尾的人');
      await closed;

      const reopened = await openAppContext({ dataDir, today: () => '2026-11-28' });
      expect(await getSetting(reopened.store, 'operatorName')).toBe('收尾的人');
      await reopened.close();
    } finally {
      await closing.close();
      own.remove();
    }
  });
});
