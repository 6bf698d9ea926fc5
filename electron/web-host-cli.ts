// `npm run web`: the single PC's browser host on 127.0.0.1, no login.
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  checkedDatabaseUrl,
  checkedToday,
  COMMON_OPTIONS,
  dataPlace,
  defaultStaticDir,
  launchHost,
} from './web-host-launch';

const { values } = parseArgs({
  options: {
    ...COMMON_OPTIONS,
    port: { type: 'string', default: '5180' },
    demo: { type: 'boolean', default: false },
  },
});

await launchHost(
  {
    dataDir: path.resolve(values['data-dir']),
    databaseUrl: checkedDatabaseUrl(values.database),
    port: Number(values.port),
    staticDir: defaultStaticDir(values['static-dir']),
    demo: values.demo,
    today: checkedToday(values.today),
  },
  (host) => [`重点项目推进台（浏览器版）已启动，${dataPlace(host)}，请在浏览器中打开 ${host.url}`],
);
