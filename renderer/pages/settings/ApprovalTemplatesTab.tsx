import { Alert, Spin } from 'antd';
import { useState } from 'react';
import type { ApprovalTemplates } from '../../../db/model/approvals';
import type { Category } from '../../../db/model/project';
import { useApi } from '../../hooks/use-api';
import { ApprovalTemplateCard } from './ApprovalTemplateCard';
import './templates.css';

const COLUMNS: Category[][] = [
  ['industry', 'infrastructure'],
  ['livelihood', 'other'],
];

const INTRO =
  '项目页“前期手续”按项目类别的模板建立清单，审批部门为各项的默认值；办理时限用于倒排未填计划办结的手续。' +
  '修改模板只影响以后建立的清单。';

/** 前期手续模板: one card per 项目类别; each card saves on its own. */
export function ApprovalTemplatesTab() {
  const templates = useApi('approvals.templates', {});
  const [saved, setSaved] = useState<ApprovalTemplates>();
  const [revisions, setRevisions] = useState<Partial<Record<Category, number>>>({});
  const data = saved ?? templates.data;

  function onSaved(category: Category, fresh: ApprovalTemplates) {
    setSaved(fresh);
    setRevisions((current) => ({ ...current, [category]: (current[category] ?? 0) + 1 }));
  }

  if (!data) {
    return templates.error ? (
      <Alert type="error" showIcon title="无法读取前期手续模板" description={templates.error.message} />
    ) : (
      <Spin description="正在读取…" />
    );
  }
  return (
    <div className="tpl-tab">
      <p className="zd-muted zd-small tpl-intro">{INTRO}</p>
      <div className="tpl-columns">
        {COLUMNS.map((categories) => (
          <div className="tpl-column" key={categories.join()}>
            {categories.map((category) => (
              <ApprovalTemplateCard
                key={`${category}:${revisions[category] ?? 0}`}
                category={category}
                saved={data[category]}
                onSaved={(fresh) => onSaved(category, fresh)}
              />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
