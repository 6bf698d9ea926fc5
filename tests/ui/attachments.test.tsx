import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import jpeg from 'jpeg-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserView } from '../../db/model/roles';
import { SessionContext } from '../../renderer/app/session/session';
import { ApprovalAttachmentSlot } from '../../renderer/pages/project/ApprovalAttachmentSlot';
import { AttachmentsPanel } from '../../renderer/pages/project/AttachmentsPanel';
import { AttachmentButton } from '../../renderer/ui/attachments/AttachmentButton';
import { AttachmentList } from '../../renderer/ui/attachments/AttachmentList';
import type { TempApp } from '../helpers/temp-app';
import { seedProject } from './project-harness';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

// The attachment kit over the real contract and a real data folder: what the clerk sees when a file goes in, is
// refused, is deleted and comes back.

vi.setConfig({ testTimeout: 60_000 });
const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });

let app: TempApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A real JPEG: a 64×48 block of one colour. */
function jpegBytes(rgb: [number, number, number]): Buffer {
  const data = Buffer.alloc(64 * 48 * 4);
  for (let i = 0; i < data.length; i += 4) data.set([...rgb, 255], i);
  return jpeg.encode({ data, width: 64, height: 48 }, 85).data;
}

const fileOf = (bytes: Uint8Array, name: string, type: string) => new File([new Uint8Array(bytes)], name, { type });

describe('附件组件', () => {
  it('上传被拒绝时逐字显示服务器的原因；照片上传后出现在列表中', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app);
    await renderPage(<AttachmentList ownerKind="project" ownerId={project.id} />, { app });
    expect(await screen.findByText('暂无附件')).toBeTruthy();

    // an .exe renamed .pdf: its bytes are MZ
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    await user.upload(screen.getByLabelText('选择附件文件'), fileOf(exe, '批复.pdf', 'application/pdf'));
    const uploads = await screen.findByLabelText('上传情况');
    await waitFor(() => expect(within(uploads).getByText('文件“批复.pdf”实际是可执行程序，不能作为附件')).toBeTruthy());
    expect(within(uploads).getByText('未上传')).toBeTruthy();
    expect(await app.ok('attachments.list', { ownerKind: 'project', ownerId: project.id })).toEqual([]);

    await user.upload(
      screen.getByLabelText('选择附件文件'),
      fileOf(jpegBytes([40, 120, 60]), '东侧.jpg', 'image/jpeg'),
    );
    const list = await screen.findByRole('list', { name: '附件' });
    expect(within(list).getByText('东侧.jpg')).toBeTruthy();
    const stored = await app.ok('attachments.list', { ownerKind: 'project', ownerId: project.id });
    expect(stored.map((a) => a.fileName)).toEqual(['东侧.jpg']);
    // the refused file's line stays until cleared; the good one reads 已上传
    expect(within(uploads).getByText('已上传')).toBeTruthy();
    await user.click(within(uploads).getByRole('button', { name: '清除上传情况' }));
    expect(screen.queryByLabelText('上传情况')).toBeNull();
  });

  it('删除后显示“撤销”，撤销即恢复；说明可以就地修改', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app);
    const { id } = await app.ok('attachments.add', {
      ownerKind: 'project',
      ownerId: project.id,
      fileName: '基坑.jpg',
      contentBase64: jpegBytes([150, 110, 80]).toString('base64'),
      caption: '基坑支护',
    });
    await renderPage(<AttachmentList ownerKind="project" ownerId={project.id} />, { app });
    await screen.findByText('基坑支护');

    await user.click(screen.getByRole('button', { name: '编辑“基坑.jpg”的说明' }));
    const box = screen.getByRole('textbox', { name: '“基坑.jpg”的说明' });
    await user.clear(box);
    await user.type(box, '基坑支护完成，东侧{Enter}');
    await screen.findByText('基坑支护完成，东侧');
    expect((await app.ok('attachments.list', { ownerKind: 'project', ownerId: project.id }))[0].caption).toBe(
      '基坑支护完成，东侧',
    );

    await user.click(screen.getByRole('button', { name: '删除“基坑.jpg”' }));
    expect(await screen.findByText('已删除“基坑.jpg”')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('基坑支护完成，东侧')).toBeNull());
    expect(await app.ok('attachments.list', { ownerKind: 'project', ownerId: project.id })).toEqual([]);

    await user.click(screen.getByRole('button', { name: '撤销' }));
    await screen.findByText('基坑支护完成，东侧');
    expect(screen.queryByText('已删除“基坑.jpg”')).toBeNull();
    expect((await app.ok('attachments.list', { ownerKind: 'project', ownerId: project.id }))[0].id).toBe(id);
  });

  it('周调度只收照片：PDF 在上传前就被拒绝并说明原因', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app);
    await renderPage(<AttachmentList ownerKind="project" ownerId={project.id} photosOnly />, { app });
    await screen.findByText('暂无附件');
    // dropped from the desktop: the picker itself offers photos only
    const pdf = fileOf(Buffer.from('%PDF-1.4\n'), '函.pdf', 'application/pdf');
    fireEvent.drop(screen.getByTestId('attachment-drop'), { dataTransfer: { files: [pdf], types: ['Files'] } });
    expect(await screen.findByText(/文件“函.pdf”不是照片：周调度只收现场照片/)).toBeTruthy();
  });
});

describe('附件按钮（表格行用，如前期手续事项）', () => {
  it('显示数量，点开是该事项的附件；上传后数量随之变化', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app);
    const problem = await app.ok('problems.create', {
      projectId: project.id,
      description: '环评批复待办',
      category: 'approval',
    });
    await app.ok('attachments.add', {
      ownerKind: 'problem',
      ownerId: problem.id,
      fileName: '函.jpg',
      contentBase64: jpegBytes([200, 200, 200]).toString('base64'),
    });
    await renderPage(<AttachmentButton ownerKind="problem" ownerId={problem.id} title="环评批复" />, { app });
    await user.click(await screen.findByRole('button', { name: '附件（1）' }));
    const dialog = await screen.findByRole('dialog', { name: '附件 · 环评批复' });
    await within(dialog).findByText('函.jpg');
    await user.upload(
      within(dialog).getByLabelText('选择附件文件'),
      fileOf(jpegBytes([10, 20, 30]), '批复.jpg', 'image/jpeg'),
    );
    await within(dialog).findByRole('button', { name: '下载“批复.jpg”' });
    expect(await screen.findByRole('button', { name: '附件（2）' })).toBeTruthy();
  });
});

describe('前期手续事项的附件', () => {
  it('清单行的附件按钮显示数量；项目页的附件里归在“前期手续”下，写明事项名称', async () => {
    app = await installRealApi({ demo: false, today: '2026-11-28' });
    const project = await seedProject(app);
    const checklist = await app.ok('approvals.save', {
      projectId: project.id,
      items: [
        {
          name: '环评批复',
          department: '生态环境局',
          plannedDate: '2026-11-20',
          actualDate: null,
          docNumber: '',
          status: 'in_progress',
          note: '',
        },
      ],
    });
    const item = checklist.items[0];
    await app.ok('attachments.add', {
      ownerKind: 'approval',
      ownerId: item.id,
      fileName: '环评批复.jpg',
      contentBase64: jpegBytes([120, 160, 90]).toString('base64'),
    });
    const slot = await renderPage(<ApprovalAttachmentSlot itemId={item.id} name={item.name} />, { app });
    expect(await screen.findByRole('button', { name: '附件（1）' })).toBeTruthy();
    slot.unmount();

    await renderPage(<AttachmentsPanel projectId={project.id} projectName={project.name} />, { app });
    const group = await screen.findByRole('list', { name: '前期手续的附件' });
    expect(within(group).getByText('环评批复.jpg')).toBeTruthy();
    expect(within(group).getByText('环评批复')).toBeTruthy();
  });
});

describe('项目页的附件', () => {
  it('按所属分组（项目、问题），删除的在“已删除”下可恢复；领导只能查看和下载', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app);
    const problem = await app.ok('problems.create', {
      projectId: project.id,
      description: '用地报批待省厅批复',
      category: 'land',
    });
    const add = (ownerKind: 'project' | 'problem', ownerId: number, fileName: string) =>
      app!.ok('attachments.add', {
        ownerKind,
        ownerId,
        fileName,
        contentBase64: jpegBytes([90, 90, 200]).toString('base64'),
      });
    await add('project', project.id, '全景.jpg');
    const gone = await add('problem', problem.id, '现场.jpg');
    await add('problem', problem.id, '红线图.jpg');
    await app.ok('attachments.remove', { id: gone.id });

    const view = await renderPage(<AttachmentsPanel projectId={project.id} projectName={project.name} />, { app });
    const projectGroup = await screen.findByRole('list', { name: '项目的附件' });
    expect(within(projectGroup).getByText('全景.jpg')).toBeTruthy();
    const problemGroup = screen.getByRole('list', { name: '问题的附件' });
    expect(within(problemGroup).getByText('红线图.jpg')).toBeTruthy();
    expect(within(problemGroup).getByText(new RegExp(`^问题 ${problem.code}`))).toBeTruthy();
    expect(within(problemGroup).queryByText('现场.jpg')).toBeNull();
    expect(screen.getByText('2个，其中照片2张', { exact: false })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: /已删除（1）/ }));
    const deleted = screen.getByRole('list', { name: '已删除的附件' });
    await user.click(within(deleted).getByRole('button', { name: '恢复“现场.jpg”' }));
    await waitFor(() =>
      expect(within(screen.getByRole('list', { name: '问题的附件' })).getByText('现场.jpg')).toBeTruthy(),
    );
    expect(screen.queryByRole('button', { name: /已删除/ })).toBeNull();
    view.unmount();

    const leader = { id: 9, login: 'lingdao', displayName: '王副市长', role: 'leader' } as UserView;
    await renderPage(
      <SessionContext.Provider value={{ user: leader, signOut: async () => {} }}>
        <AttachmentsPanel projectId={project.id} projectName={project.name} />
      </SessionContext.Provider>,
      { app },
    );
    await screen.findByRole('list', { name: '项目的附件' });
    expect(screen.queryByRole('button', { name: '上传附件…' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^删除“/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^编辑“/ })).toBeNull();
    expect(screen.getAllByRole('button', { name: /^下载“/ })).toHaveLength(3);
    expect(screen.getByRole('button', { name: /打印现场照片/ })).toBeTruthy();
  });
});
