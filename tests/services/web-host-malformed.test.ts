import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundleChild } from '../helpers/child-script';
import { startChildWebHost, type ChildWebHost } from '../helpers/child-web-host';
import { hostHeader, sendRaw, type RawOptions } from '../helpers/raw-http';
import { makeTempDir } from '../helpers/temp-dir';

// Any web page the clerk opens can make the browser send odd requests to 127.0.0.1 (an <img> with a broken
// address is enough), and any program on the PC can send worse. The host runs in a child process here, so a
// request that ends it shows as a dead process, not as a test runner that fell over.

const temp = makeTempDir('zdxm-host-raw-');
const staticDir = path.join(temp.dir, 'static');
const linux = process.platform === 'linux';
let bundle: Awaited<ReturnType<typeof bundleChild>>;
let host: ChildWebHost;
/** requests after which the host process had ended (it is started again for the next case) */
const fatal: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>重点项目推进台</title>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1);');
  fs.symlinkSync(path.join(temp.dir, 'nowhere.js'), path.join(staticDir, 'gone.js'));
  if (linux) {
    // stat calls it a regular file; opening works; reading fails with EIO: a read error after the checks
    fs.symlinkSync('/proc/self/mem', path.join(staticDir, 'unreadable.js'));
    // opening a FIFO for reading waits for a writer: it must not hang the host
    execFileSync('mkfifo', [path.join(staticDir, 'pipe.js')]);
  }
  bundle = await bundleChild('tests/helpers/children/web-host.ts');
  host = await startChildWebHost(bundle.file, path.join(temp.dir, 'data'), staticDir);
}, 60_000);

beforeEach(async () => {
  if (host.exited()) host = await startChildWebHost(bundle.file, path.join(temp.dir, 'data'), staticDir);
});

afterAll(async () => {
  await host?.stop();
  bundle?.remove();
  temp.remove();
});

interface Case {
  name: string;
  /** the request, with {host} standing for the Host header line and {port} for the port */
  request: string | Buffer | (string | Buffer)[];
  /** acceptable statuses; null: no response (the client gave up first) */
  expect: (number | null)[];
  options?: RawOptions;
  skip?: boolean;
}

const get = (target: string): string => `GET ${target} HTTP/1.1\r\n{host}Connection: close\r\n\r\n`;
const post = (method: string, headers: string, body = ''): string =>
  `POST /api/${method} HTTP/1.1\r\n{host}${headers}\r\n${body}`;

const CASES: Case[] = [
  { name: '不完整的百分号编码 /%', request: get('/%'), expect: [400] },
  { name: '百分号后不是十六进制 /%zz', request: get('/%zz/index.html'), expect: [400] },
  { name: '截断的 UTF-8 编码 /%E4%BD', request: get('/%E4%BD'), expect: [400] },
  { name: '不成 UTF-8 的编码 /%FF%FE', request: get('/%FF%FE'), expect: [400] },
  { name: '接口名里的坏编码 /api/%', request: post('%', 'Content-Length: 2\r\n', '{}'), expect: [404] },
  { name: '请求行 GET http://[', request: get('http://['), expect: [400] },
  { name: '请求行 GET http://', request: get('http://'), expect: [400] },
  { name: '请求行 GET *', request: get('*'), expect: [400] },
  { name: '请求行 GET 无斜杠的路径', request: get('index.html'), expect: [400] },
  { name: '绝对地址指向本机', request: get('http://127.0.0.1:{port}/api/health'), expect: [200] },
  { name: '绝对地址指向别的主机', request: get('http://evil.example/api/health'), expect: [403] },
  { name: '双斜杠开头的路径不是主机名', request: get('//evil.example/index.html'), expect: [404] },
  { name: '..%2f 越出目录', request: get('/..%2f..%2f..%2fetc%2fpasswd'), expect: [404] },
  { name: '%2e%2e%2f 越出目录', request: get('/%2e%2e%2f%2e%2e%2fetc%2fpasswd'), expect: [404] },
  { name: '..%5c 反斜杠越出目录', request: get('/..%5c..%5c..%5cetc%5cpasswd'), expect: [404] },
  { name: '路径里的 %00', request: get('/index.html%00.js'), expect: [400] },
  { name: '目录当文件 /assets', request: get('/assets'), expect: [404] },
  { name: '目录当文件 /assets/', request: get('/assets/'), expect: [404] },
  { name: '指向不存在文件的链接', request: get('/gone.js'), expect: [404] },
  { name: '检查通过但读取出错的文件', request: get('/unreadable.js'), expect: [500], skip: !linux },
  { name: '命名管道', request: get('/pipe.js'), expect: [404], skip: !linux },
  { name: '超长地址（10万字符）', request: get(`/${'a'.repeat(100_000)}`), expect: [431] },
  {
    name: '超多请求头',
    request: `GET / HTTP/1.1\r\n{host}${'X-A: bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\r\n'.repeat(2000)}\r\n`,
    expect: [431],
  },
  { name: '请求行里的 NUL', request: 'GET /\0 HTTP/1.1\r\n{host}\r\n', expect: [400] },
  { name: '请求头值里的 NUL', request: 'GET / HTTP/1.1\r\n{host}X-A: a\0b\r\n\r\n', expect: [400] },
  { name: '单独的 CR', request: 'GET / HTTP/1.1\r{host}\r\r', expect: [400] },
  { name: '单独的 LF', request: `GET /api/health HTTP/1.1\n{host}`.replace('\r\n', '\n') + '\n', expect: [200, 400] },
  { name: '请求头名前有空格', request: 'GET / HTTP/1.1\r\n{host} X-A: b\r\n\r\n', expect: [400] },
  { name: '请求头名后有空格', request: 'GET / HTTP/1.1\r\n{host}X-A : b\r\n\r\n', expect: [400] },
  { name: '请求头没有冒号', request: 'GET / HTTP/1.1\r\n{host}NoColon\r\n\r\n', expect: [400] },
  { name: '请求头名含控制字符', request: 'GET / HTTP/1.1\r\n{host}X\x01A: b\r\n\r\n', expect: [400] },
  {
    name: '请求头里的非 ASCII 字节',
    request: Buffer.from('GET /api/health HTTP/1.1\r\n{host}X-A: 中文\r\n\r\n'),
    expect: [200, 400],
  },
  { name: '路径里的原始 UTF-8 字节', request: Buffer.from('GET /中文.js HTTP/1.1\r\n{host}\r\n'), expect: [400, 404] },
  { name: '没有 Host 的 HTTP/1.1', request: 'GET /api/health HTTP/1.1\r\n\r\n', expect: [400] },
  { name: '没有 Host 的 HTTP/1.0', request: 'GET /api/health HTTP/1.0\r\n\r\n', expect: [403] },
  { name: '未知方法', request: 'FOO / HTTP/1.1\r\n{host}\r\n', expect: [400] },
  { name: '未知 HTTP 版本', request: 'GET / HTTP/9.9\r\n{host}\r\n', expect: [400, 505] },
  { name: 'CONNECT 隧道', request: 'CONNECT 127.0.0.1:{port} HTTP/1.1\r\n{host}\r\n', expect: [null, 400] },
  {
    name: '要求升级为 WebSocket',
    request: 'GET /api/health HTTP/1.1\r\n{host}Connection: Upgrade\r\nUpgrade: websocket\r\n\r\n',
    expect: [null, 200, 400],
  },
  { name: '不是 HTTP', request: '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03', expect: [400] },
  {
    name: '两个不同的 Content-Length',
    request: post('projects.list', 'Content-Length: 2\r\nContent-Length: 3\r\n', '{}'),
    expect: [400],
  },
  {
    name: 'Content-Length 与 chunked 同时出现',
    request: post('projects.list', 'Content-Length: 2\r\nTransfer-Encoding: chunked\r\n', '2\r\n{}\r\n0\r\n\r\n'),
    expect: [400],
  },
  { name: 'Content-Length 不是数字', request: post('projects.list', 'Content-Length: abc\r\n'), expect: [400] },
  { name: 'Content-Length 为负', request: post('projects.list', 'Content-Length: -1\r\n'), expect: [400] },
  {
    name: '声明超大的 Content-Length',
    request: post('projects.list', 'Content-Length: 99999999999\r\n'),
    expect: [413],
  },
  {
    name: '坏的分块长度',
    request: [post('projects.list', 'Transfer-Encoding: chunked\r\n'), 'zz\r\n{}\r\n0\r\n\r\n'],
    expect: [400],
    options: { pauseMs: 50 },
  },
  {
    name: '正文没发完就断开',
    request: post('projects.list', 'Content-Length: 1000\r\n', '{"stage":'),
    expect: [null],
    options: { abort: true },
  },
  {
    name: '分块正文没发完就断开',
    request: [post('projects.list', 'Transfer-Encoding: chunked\r\n'), '400\r\n{"stage":'],
    expect: [null],
    options: { abort: true, pauseMs: 50 },
  },
  {
    name: '请求头没发完就断开',
    request: 'POST /api/projects.list HTTP/1.1\r\nHost: 127.0',
    expect: [null],
    options: { abort: true },
  },
  {
    name: '正确请求之后紧跟乱码',
    request: `GET /api/health HTTP/1.1\r\n{host}\r\n\x00\x01garbage\r\n\r\n`,
    expect: [200],
  },
  {
    // the list is still being answered when the garbage is refused: its answer comes first, whole
    name: '完整的接口调用之后紧跟乱码',
    request: post('projects.list', 'Content-Length: 2\r\n', '{}\x00\x01garbage\r\n\r\n'),
    expect: [200],
  },
];

function fill(request: Case['request'], port: number): string | Buffer | (string | Buffer)[] {
  const one = (part: string | Buffer) => {
    const text = typeof part === 'string' ? part : part.toString('latin1');
    const filled = text.replaceAll('{host}', hostHeader(port)).replaceAll('{port}', String(port));
    return typeof part === 'string' ? filled : Buffer.from(filled, 'latin1');
  };
  return Array.isArray(request) ? request.map(one) : one(request);
}

describe('畸形的 HTTP 请求', () => {
  for (const c of CASES) {
    it.skipIf(c.skip)(
      `${c.name}：得到回答，服务不退出`,
      async () => {
        const response = await sendRaw(host.port, fill(c.request, host.port), c.options);
        // the host answers the next request: it lived through this one
        const health = await sendRaw(host.port, fill(get('/api/health'), host.port));
        if (health.status !== 200) await host.waitForExit(2000);
        if (host.exited()) fatal.push(c.name);
        expect(host.exited(), host.output()).toBeNull();
        expect(health.status).toBe(200);
        expect(c.expect, `${response.status} ${response.ending} ${response.body.slice(0, 200)}`).toContain(
          response.status,
        );
        if (response.status !== null && response.status >= 400 && /json/.test(response.headers['content-type'] ?? '')) {
          // the refusal says why, in words for the clerk
          expect(JSON.parse(response.body).error.message).toMatch(/[\u4e00-\u9fff]/);
        }
      },
      20_000,
    );
  }

  it('以上请求没有一个让服务进程退出', () => {
    expect(fatal).toEqual([]);
  });
});
