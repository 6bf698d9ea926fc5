import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../db/migrations';
import { startWebHost, type WebHost } from '../../electron/web-host';
import { makeTempDir } from '../helpers/temp-dir';

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
  options: { body?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, method, path: urlPath, headers: options.headers },
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
  it('只在 127.0.0.1 上提供服务，健康检查报版本和结构版本', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const health = await request('GET', '/api/health');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ ok: true, version: '0.1.0', schemaVersion: SCHEMA_VERSION });
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

  it('超过5MB的请求被拒绝', async () => {
    const huge = await request('POST', '/api/projects.list', { body: 'x'.repeat(6 * 1024 * 1024) }).catch(() => ({
      status: 413,
      body: '',
    }));
    expect(huge.status).toBe(413);
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
