import { describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../db/model/change-event';
import { noticeOf } from '../../renderer/live/change-notice';

// The quiet line that says who changed what (issue #15, live refresh).

const change = (patch: Partial<ChangeEvent>): ChangeEvent => ({
  seq: 1,
  kind: 'dispatch',
  ids: [],
  names: [],
  method: '',
  by: '张三',
  at: '2026-11-28T02:42:00.000Z',
  ...patch,
});

describe('变更提示', () => {
  it('一个项目：谁、改了哪个项目的什么', () => {
    expect(noticeOf(change({ ids: [7], names: ['县人民医院迁建'], method: 'dispatch.saveEntry' }))).toBe(
      '张三 更新了 县人民医院迁建 的本周进展',
    );
    expect(noticeOf(change({ kind: 'problem', ids: [3], names: ['物流园'], method: 'problems.addNote' }))).toBe(
      '张三 反馈了 物流园 的问题',
    );
    expect(noticeOf(change({ kind: 'project', ids: [7], names: ['县人民医院迁建'], method: 'attachments.add' }))).toBe(
      '张三 上传了 县人民医院迁建 的附件',
    );
  });

  it('多个项目只说个数；没有编号的按操作说；单位账户收到的“刷新”不说是谁', () => {
    expect(noticeOf(change({ kind: 'project', ids: [1, 2, 3], method: 'projects.update' }))).toBe(
      '张三 修改了 3 个项目',
    );
    expect(noticeOf(change({ ids: [1, 2], names: ['甲', '乙'], method: 'dispatch.confirm' }))).toBe(
      '张三 确认了 2 个项目',
    );
    expect(noticeOf(change({ kind: 'library', method: 'ledger.applyImport' }))).toBe('张三 导入了项目台账');
    expect(noticeOf(change({ kind: 'reference', method: 'reference.saveUnit' }))).toBe('张三 修改了单位、产业链或园区');
    expect(noticeOf(change({ kind: 'reference', by: '' }))).toBe('数据已更新');
  });
});
