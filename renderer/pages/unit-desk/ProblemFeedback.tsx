import { Button, Input } from 'antd';
import { useState } from 'react';
import { PROBLEM_NOTE_KIND_LABELS, PROBLEM_STATUS_LABELS } from '../../../db/model/problems';
import type { UnitDeskProblem } from '../../../db/model/unit-desk';
import { invoke } from '../../api';
import { SaveNote } from './SaveNote';
import { useSave } from './use-save';

interface ProblemFeedbackProps {
  problem: UnitDeskProblem;
  today: string;
  onSaved(): void;
}

/** One problem the unit answers: what it is, its latest notes, and a 反馈 box. */
export function ProblemFeedback({ problem, today, onSaved }: ProblemFeedbackProps) {
  const [text, setText] = useState('');
  const { outcome, run } = useSave();
  const submit = async () => {
    const done = await run(async () => {
      await invoke('problems.addNote', { id: problem.id, kind: 'feedback', text });
      return undefined;
    });
    // the text is cleared only once the server has it
    if (done) {
      setText('');
      onSaved();
    }
  };
  const earlier = problem.noteCount - problem.notes.length;
  return (
    <li className="unit-desk-problem">
      <div className="unit-desk-problem-head">
        <span className="num">{problem.code}</span>
        <b>{problem.description}</b>
        <span className="zd-muted">
          {problem.projectName} · {PROBLEM_STATUS_LABELS[problem.status]}
          {problem.deadline && ` · 办结时限 ${problem.deadline}`}
        </span>
        {problem.daysOverdue > 0 && <span className="zd-text-red">超期{problem.daysOverdue}天</span>}
      </div>
      <ul className="unit-desk-notes" aria-label={`${problem.code} 最近记录`}>
        {earlier > 0 && <li className="zd-muted">（更早的 {earlier} 条记录见问题督办）</li>}
        {problem.notes.map((note) => (
          <li key={note.id}>
            <span className="zd-muted">
              {note.notedOn} {PROBLEM_NOTE_KIND_LABELS[note.kind]} {note.operator}：
            </span>
            {note.text}
          </li>
        ))}
      </ul>
      <div className="unit-desk-feedback">
        <Input.TextArea
          aria-label={`${problem.code} 反馈`}
          value={text}
          maxLength={1000}
          autoSize={{ minRows: 1, maxRows: 4 }}
          placeholder="填写办理情况反馈"
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && text.trim()) {
              event.preventDefault();
              void submit();
            }
          }}
        />
        <Button
          type="primary"
          disabled={!text.trim()}
          loading={outcome.kind === 'saving'}
          onClick={() => void submit()}
        >
          提交
        </Button>
      </div>
      <SaveNote outcome={outcome} today={today} />
    </li>
  );
}
