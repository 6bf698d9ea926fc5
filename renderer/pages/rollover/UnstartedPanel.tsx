import { Button, DatePicker, Radio } from 'antd';
import dayjs from 'dayjs';
import type { UnstartedNewStart } from '../../../db/model/rollover';
import { DATE_FORMATS } from '../../components/problem-form';
import type { UnstartedChoice } from './rollover-summary';

interface UnstartedPanelProps {
  unstarted: readonly UnstartedNewStart[];
  fromYear: number;
  toYear: number;
  choices: ReadonlyMap<number, UnstartedChoice>;
  onChoose(next: Map<number, UnstartedChoice>): void;
}

/**
 * An unstarted 新开工 planned for the closing year cannot stay 新开工 with that date: each one is sent back to
 * 前期 or given a 计划开工日期 in the new year, one by one, before the rollover may run.
 */
export function UnstartedPanel({ unstarted, fromYear, toYear, choices, onChoose }: UnstartedPanelProps) {
  if (unstarted.length === 0) return null;
  const decided = unstarted.filter((u) => {
    const c = choices.get(u.projectId);
    return c && (c.action === 'preliminary' || c.plannedStartDate);
  }).length;
  const set = (projectId: number, choice: UnstartedChoice) => onChoose(new Map(choices).set(projectId, choice));
  const inNewYear = (date: dayjs.Dayjs) => date.year() !== toYear;
  return (
    <section className="rollover-panel rollover-unstarted" aria-label="未开工的新开工项目">
      <header className="rollover-panel-head">
        <h2 className="zd-card-title">未开工的新开工项目</h2>
        <span className="zd-muted zd-nowrap">
          已处理 <b className="num">{decided}</b> / 共 <span className="num">{unstarted.length}</span> 个，须逐个处理
        </span>
        <span className="zd-gap" />
        <Button
          size="small"
          onClick={() => onChoose(new Map(unstarted.map((u) => [u.projectId, { action: 'preliminary' } as const])))}
        >
          全部退回前期
        </Button>
      </header>
      <p className="rollover-unstarted-note zd-small zd-muted">
        计划开工日期在{fromYear}年、至今未开工的项目不能带着旧日期留在新开工：确定不在{toYear}
        年开工的退回前期；仍要在{toYear}年开工的，改定{toYear}年的计划开工日期。
      </p>
      <table className="zd-grid rollover-table rollover-unstarted-table">
        <colgroup>
          <col style={{ width: 100 }} />
          <col />
          <col style={{ width: 110 }} />
          <col style={{ width: 360 }} />
        </colgroup>
        <thead>
          <tr>
            <th>项目编号</th>
            <th>项目名称</th>
            <th>原计划开工</th>
            <th>处理</th>
          </tr>
        </thead>
        <tbody>
          {unstarted.map((u) => {
            const choice = choices.get(u.projectId);
            return (
              <tr key={u.projectId} className={choice ? undefined : 'is-undecided'}>
                <td className="num rollover-code">{u.code}</td>
                <td className="rollover-name" title={u.name}>
                  {u.name}
                </td>
                <td className="num">{u.plannedStartDate ?? '（未填）'}</td>
                <td>
                  <span className="rollover-unstarted-choice">
                    <Radio.Group
                      aria-label={`处理：${u.name}`}
                      size="small"
                      value={choice?.action}
                      onChange={(e) =>
                        set(
                          u.projectId,
                          e.target.value === 'preliminary'
                            ? { action: 'preliminary' }
                            : { action: 'replan', plannedStartDate: null },
                        )
                      }
                      options={[
                        { value: 'preliminary', label: '退回前期' },
                        { value: 'replan', label: '改定计划开工日期' },
                      ]}
                    />
                    {choice?.action === 'replan' && (
                      <DatePicker
                        size="small"
                        aria-label={`新的计划开工日期：${u.name}`}
                        placeholder={`${toYear}年内`}
                        format={DATE_FORMATS}
                        defaultPickerValue={dayjs(`${toYear}-01-01`)}
                        disabledDate={inNewYear}
                        value={choice.plannedStartDate ? dayjs(choice.plannedStartDate) : null}
                        onChange={(date) =>
                          set(u.projectId, {
                            action: 'replan',
                            plannedStartDate: date ? date.format('YYYY-MM-DD') : null,
                          })
                        }
                      />
                    )}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
