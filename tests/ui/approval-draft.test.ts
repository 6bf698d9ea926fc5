import { describe, expect, it } from 'vitest';
import { blankApproval, patchApproval, type DraftApproval } from '../../renderer/pages/project/approval-draft';

const today = '2026-11-28';
const item = (fields: Partial<DraftApproval> = {}): DraftApproval => ({
  ...blankApproval(),
  name: '环评批复',
  ...fields,
});

describe('手续的状态与实际办结日期一起改', () => {
  it('填实际办结即为已办结；清掉日期退回办理中', () => {
    const done = patchApproval(item({ status: 'in_progress' }), { actualDate: '2026-11-20' }, today);
    expect(done).toMatchObject({ status: 'done', actualDate: '2026-11-20' });
    expect(patchApproval(done, { actualDate: null }, today)).toMatchObject({ status: 'in_progress', actualDate: null });
  });

  it('选“已办结”先填今天，选别的状态清掉日期', () => {
    const done = patchApproval(item(), { status: 'done' }, today);
    expect(done).toMatchObject({ status: 'done', actualDate: today });
    expect(patchApproval(done, { status: 'not_needed' }, today)).toMatchObject({
      status: 'not_needed',
      actualDate: null,
    });
  });
});
