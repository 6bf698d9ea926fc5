import { CheckCircleFilled } from '@ant-design/icons';
import { App as AntApp, Button, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { firstRunSteps, type FirstRunChecklist as Checklist } from '../../../db/model/first-run';
import { invoke } from '../../api';
import { useApi } from '../../hooks/use-api';
import './first-run-checklist.css';

/** How many chain names the 链长 step spells out before it only counts. */
const NAMED_CHAINS = 4;

interface Step {
  title: string;
  recommended?: boolean;
  done: boolean;
  /** what is left to do, or what shows it is done */
  text: string;
  href: string;
  action: string;
}

function stepsOf(checklist: Checklist): Step[] {
  const done = firstRunSteps(checklist);
  const missing = checklist.chainsWithoutLead;
  const named = missing.slice(0, NAMED_CHAINS).join('、') + (missing.length > NAMED_CHAINS ? '等' : '');
  return [
    {
      title: '导入已有台账',
      recommended: true,
      done: done.importLedger,
      text: done.importLedger
        ? `项目库中已有${checklist.projectCount}个项目。`
        : '把办公室现在用的Excel项目台账（.xlsx或CSV）导入，项目连同表中的单位一次建好；也可以在项目库中逐个新建。',
      href: '/ledger',
      action: '去导入台账',
    },
    {
      title: '添加单位',
      done: done.addUnits,
      text: done.addUnits
        ? `已有${checklist.unitCount}个单位。`
        : '添加牵头单位和责任单位（如市发展和改革局、各镇人民政府），项目、节点和问题交办都从中选择。',
      href: '/settings/units',
      action: '去设置单位',
    },
    {
      title: '为每条产业链设置链长',
      done: done.setChainLeads,
      text: done.setChainLeads
        ? '每条产业链都已设置链长。'
        : `还有${missing.length}条产业链没有链长：${named}。链长是分管该产业链的市领导，调度表按链长分组。`,
      href: '/settings/chains',
      action: '去设置产业链',
    },
  ];
}

function StepMark({ done, number }: { done: boolean; number: number }): ReactNode {
  return done ? (
    <CheckCircleFilled className="frc-mark zd-small zd-strong is-done" aria-hidden />
  ) : (
    <span className="frc-mark zd-small zd-strong" aria-hidden>
      {number}
    </span>
  );
}

/**
 * 首次使用清单 on the 工作台 of an office that started blank: import, units, 链长, each marked done as soon as
 * the data shows it. Gone once all are done or the clerk chooses 不再显示 (kept in the data file).
 */
export function FirstRunChecklist() {
  const status = useApi('app.status', {});
  const [dismissed, setDismissed] = useState(false);
  const [saving, setSaving] = useState(false);
  const { message } = AntApp.useApp();
  const checklist = status.data?.firstRunChecklist;
  if (!checklist || dismissed) return null;

  const steps = stepsOf(checklist);
  const doneCount = steps.filter((s) => s.done).length;

  async function dismiss() {
    setSaving(true);
    try {
      await invoke('app.dismissFirstRunChecklist', {});
      setDismissed(true);
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="frc" aria-labelledby="frc-title">
      <div className="frc-head">
        <h3 id="frc-title" className="zd-card-title">
          首次使用清单
        </h3>
        <span className="zd-gap zd-small zd-muted">
          已完成 {doneCount}/{steps.length} 步。完成后工作台、项目库和调度表就有了本办公室的数据。
        </span>
        <Button size="small" type="text" onClick={() => void dismiss()} loading={saving}>
          不再显示
        </Button>
      </div>
      <ol className="frc-steps">
        {steps.map((step, index) => (
          <li key={step.title} className={step.done ? 'frc-step is-done' : 'frc-step'}>
            <StepMark done={step.done} number={index + 1} />
            <div className="frc-body">
              <div className="frc-title">
                {step.title}
                {step.recommended && (
                  <Tag color="blue" className="frc-tag">
                    推荐
                  </Tag>
                )}
                {step.done && (
                  <Tag color="green" className="frc-tag">
                    已完成
                  </Tag>
                )}
              </div>
              <div className="frc-text zd-small zd-secondary">{step.text}</div>
            </div>
            <Link href={step.href} className="frc-action">
              {step.action}
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
