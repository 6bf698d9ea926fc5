import { Alert, Spin } from 'antd';
import { useState } from 'react';
import { TEMPLATE_ANCHORS } from '../../../db/model/milestones';
import { STAGES, type Stage } from '../../../db/model/stages';
import type { MilestoneTemplates } from '../../../electron/api-spec';
import { useApi } from '../../hooks/use-api';
import { StageTemplateCard } from './StageTemplateCard';
import './templates.css';

/** 竣工 has nothing left to schedule, so it has no template. */
const TEMPLATE_STAGES = STAGES.filter((stage) => TEMPLATE_ANCHORS[stage] !== null);
/** Before the start (储备, 前期) on the left, construction (新开工, 续建) on the right: the stage order reads down each column. */
const COLUMNS = [TEMPLATE_STAGES.slice(0, 2), TEMPLATE_STAGES.slice(2)];

const INTRO =
  '项目页“倒排生成”按项目所处阶段的模板生成节点。工期指办理该节点所需的天数，节点的计划日期即其办结日期。' +
  '修改模板只影响以后生成的节点，已生成到项目上的节点不变。';

/** 节点模板: one card per stage; each card saves on its own. */
export function TemplatesTab() {
  const templates = useApi('milestoneTemplates.list', {});
  const [saved, setSaved] = useState<MilestoneTemplates>();
  // bumped by a card's own save or reset, so its draft is replaced even when the stored list did not change
  const [revisions, setRevisions] = useState<Partial<Record<Stage, number>>>({});
  const data = saved ?? templates.data;

  function onSaved(stage: Stage, fresh: MilestoneTemplates) {
    setSaved(fresh);
    setRevisions((current) => ({ ...current, [stage]: (current[stage] ?? 0) + 1 }));
  }

  if (!data) {
    return templates.error ? (
      <Alert type="error" showIcon title="无法读取节点模板" description={templates.error.message} />
    ) : (
      <Spin description="正在读取…" />
    );
  }
  return (
    <div className="tpl-tab">
      <p className="zd-muted zd-small tpl-intro">{INTRO}</p>
      <div className="tpl-columns">
        {COLUMNS.map((stages) => (
          <div className="tpl-column" key={stages.join()}>
            {stages.map((stage) => (
              // remounting replaces the draft; the other stages keep their unsaved edits
              <StageTemplateCard
                key={`${stage}:${revisions[stage] ?? 0}`}
                stage={stage}
                saved={data[stage]}
                onSaved={(fresh) => onSaved(stage, fresh)}
              />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
