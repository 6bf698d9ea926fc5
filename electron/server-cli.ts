// `npm run server`: the office server, with accounts, listening where told (loopback unless --listen says
// otherwise), optionally over TLS. The first admin's password comes from ZDXM_INIT_PASSWORD, never the command line.
import fs from 'node:fs';
import path from 'node:path';
import tls from 'node:tls';
import { parseArgs } from 'node:util';
import { isLoopback, serverHostNames } from './server-names';
import { parseListen } from './server-listen';
import type { ServerMode } from './web-host';
import {
  checkedDatabaseUrl,
  checkedToday,
  COMMON_OPTIONS,
  dataPlace,
  defaultStaticDir,
  launchHost,
  refuseStart,
} from './web-host-launch';

const { values } = parseArgs({
  options: {
    ...COMMON_OPTIONS,
    listen: { type: 'string', default: '127.0.0.1' },
    name: { type: 'string', multiple: true, default: [] },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    'init-admin': { type: 'string' },
  },
});

const listen =
  parseListen(values.listen) ?? refuseStart(`--listen 应为 地址[:端口]，例如 0.0.0.0:5180：${values.listen}`);

function readTls(certFile: string | undefined, keyFile: string | undefined): ServerMode['tls'] {
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (certFile === undefined || keyFile === undefined) refuseStart('--tls-cert 与 --tls-key 须同时给出');
  const read = (file: string, what: string) => {
    try {
      return fs.readFileSync(file);
    } catch {
      return refuseStart(`读不到${what}文件：${path.resolve(file)}`);
    }
  };
  const pair = { cert: read(certFile, 'TLS 证书'), key: read(keyFile, 'TLS 私钥') };
  try {
    tls.createSecureContext(pair);
  } catch (error) {
    refuseStart(`TLS 证书或私钥无法使用（须为 PEM 格式且互相匹配）：${(error as Error).message}`);
  }
  return pair;
}

function firstAdmin(login: string | undefined): ServerMode['firstAdmin'] {
  if (login === undefined) return undefined;
  const password = process.env.ZDXM_INIT_PASSWORD;
  // the backup packer and the other child processes need not carry it
  delete process.env.ZDXM_INIT_PASSWORD;
  if (!password) refuseStart('--init-admin 需要在环境变量 ZDXM_INIT_PASSWORD 中给出初始密码（不要写在命令行上）');
  return { login, password };
}

const server: ServerMode = {
  listenHost: listen.host,
  names: values.name,
  tls: readTls(values['tls-cert'], values['tls-key']),
  firstAdmin: firstAdmin(values['init-admin']),
};

await launchHost(
  {
    dataDir: path.resolve(values['data-dir']),
    databaseUrl: checkedDatabaseUrl(values.database),
    port: listen.port,
    staticDir: defaultStaticDir(values['static-dir']),
    today: checkedToday(values.today),
    server,
  },
  (host) => {
    const scheme = server.tls ? 'https' : 'http';
    const addresses = serverHostNames(listen.host, server.names)
      .filter((name) => !isLoopback(name.replace(/^\[|\]$/g, '')))
      .map((name) => `${scheme}://${name}:${host.port}/`);
    return [
      `重点项目推进台办公室服务器已启动，${dataPlace(host)}`,
      addresses.length
        ? `请在各电脑的浏览器中打开：${addresses.join('  ')}`
        : `只在本机监听，请在本机浏览器中打开 ${host.url}；要让其他电脑连接，请加上 --listen 0.0.0.0（或本机的局域网地址）`,
    ];
  },
);
