import { afterEach, describe, expect, it } from 'vitest';
import { fieldText, valueText } from '../../renderer/pages/history/history-text';
import { createTempApp, type TempApp } from '../helpers/temp-app';

let app: TempApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const PDF = Buffer.from('%PDF-1.7\n%%EOF\n').toString('base64');

describe('变更记录里的附件', () => {
  it('上传、改说明、删除、恢复各一行，写明文件名；附件上限的设置以MB写出', async () => {
    app = await createTempApp({ engine: 'sqlite' });
    const chains = (await app.ok('reference.list', {})).chains;
    const project = await app.ok('projects.create', {
      name: '东山大道',
      owner: '城投',
      chainId: chains[0].id,
      stage: 'reserve',
    });
    const added = await app.ok('attachments.add', {
      ownerKind: 'project',
      ownerId: project.id,
      fileName: '批复.pdf',
      contentBase64: PDF,
    });
    const captioned = await app.ok('attachments.setCaption', { id: added.id, caption: '立项批复', version: 1 });
    const removed = await app.ok('attachments.remove', { id: added.id, version: captioned.version });
    await app.ok('attachments.restore', { id: added.id, version: removed.version });
    await app.ok('settings.update', { attachmentLimits: { fileMegabytes: 10, projectMegabytes: 300 } });

    const rows = (await app.ok('audit.list', {})).entries;
    const shown = rows
      .filter((row) => row.entity === 'project' && row.field?.startsWith('attachment:'))
      .map((row) => [fieldText(row), valueText(row, row.oldValue), valueText(row, row.newValue)]);
    expect(shown).toEqual([
      ['附件', '附件 批复.pdf 已删除', '附件 批复.pdf 已恢复'],
      ['附件', '附件 批复.pdf 已上传', '附件 批复.pdf 已删除'],
      ['附件说明', null, '批复.pdf：立项批复'],
      ['附件', null, '附件 批复.pdf 已上传'],
    ]);
    const limits = rows.find((row) => row.field === 'attachmentLimits')!;
    expect([fieldText(limits), valueText(limits, limits.oldValue), valueText(limits, limits.newValue)]).toEqual([
      '附件上限',
      '每个附件20 MB，每个项目500 MB',
      '每个附件10 MB，每个项目300 MB',
    ]);
  });
});
