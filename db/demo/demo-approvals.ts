/**
 * The example office's 前期手续: about half of its 前期 and 新开工 projects keep a checklist from their category's
 * default template. A project that has started has every approval done; one preparing has the first ones done,
 * one in hand and the rest to come, with planned dates laid back from its 计划开工. Two checklists in the office
 * are late (an item past its 计划办结), so the example shows the light. Pure and deterministic, like the projects.
 */
import { addDays, parseISO } from 'date-fns';
import { DEFAULT_APPROVAL_TEMPLATES, type ApprovalStatus } from '../model/approvals';
import { toIsoDate } from '../model/dates';
import { generateSchedule } from '../model/milestones';
import type { ProjectFields } from '../model/project';
import { createRandom, hashSeed } from './demo-random';

export interface DemoApproval {
  name: string;
  department: string;
  plannedDate: string | null;
  actualDate: string | null;
  docNumber: string;
  status: ApprovalStatus;
  note: string;
}

type Subject = Pick<ProjectFields, 'name' | 'stage' | 'category' | 'plannedStartDate' | 'actualStartDate'>;

const DOC_PREFIX: Record<string, string> = {
  发改局: '湘发改备',
  自然资源局: '湘自然资',
  生态环境局: '湘环评',
  住建局: '湘住建',
  水利局: '湘水保',
  应急管理局: '湘应急',
  政法委: '湘稳评',
};

const day = (iso: string, days: number) => toIsoDate(addDays(parseISO(iso), days));

/** Every project's checklist, by its index in `projects` (absent: no checklist); `late` of them have an overdue item. */
export function demoApprovals(projects: readonly Subject[], today: string, late = 2): Map<number, DemoApproval[]> {
  const lists = new Map<number, DemoApproval[]>();
  let lateLeft = late;
  projects.forEach((project, index) => {
    if (project.stage !== 'preliminary' && project.stage !== 'new_start') return;
    const random = createRandom(hashSeed(`${project.name}|approvals`));
    if (random.next() >= 0.5 || !project.plannedStartDate) return;
    const template = DEFAULT_APPROVAL_TEMPLATES[project.category];
    const { nodes } = generateSchedule(
      template.map((t) => ({ name: t.name, durationDays: t.durationDays })),
      project.plannedStartDate,
      'backward',
      today,
    );
    const started = project.actualStartDate !== null;
    // how many are done: all of a started project's, else those planned before today (at least one, one short)
    const dueBefore = nodes.filter((n) => n.plannedDate < today).length;
    const doneCount = started ? template.length : Math.min(template.length - 1, Math.max(1, dueBefore));
    const isLate = !started && lateLeft > 0 && project.stage === 'preliminary';
    if (isLate) lateLeft--;
    lists.set(
      index,
      template.map((t, i): DemoApproval => {
        const planned = nodes[i].plannedDate;
        const base = { name: t.name, department: t.department, docNumber: '', note: '' };
        if (i < doneCount) {
          // done on a day around its plan, never after today nor after the project started
          const limit = started ? project.actualStartDate! : today;
          const drift = Math.floor(random.next() * 15) - 10;
          const actual = [day(planned, drift), limit].sort()[0];
          const prefix = DOC_PREFIX[t.department] ?? '湘';
          const docNumber = `${prefix}〔${actual.slice(0, 4)}〕${10 + Math.floor(random.next() * 80)}号`;
          return { ...base, status: 'done', plannedDate: planned, actualDate: actual, docNumber };
        }
        if (i === doneCount) {
          // the one in hand: late where the example wants a light, else due comfortably after the light's horizon
          const plannedDate = isLate ? day(today, -(8 + lists.size * 3)) : [planned, day(today, 20)].sort()[1];
          return { ...base, status: 'in_progress', plannedDate, actualDate: null, note: isLate ? '材料补正中' : '' };
        }
        return {
          ...base,
          status: 'not_started',
          plannedDate: planned > day(today, 14) ? planned : null,
          actualDate: null,
        };
      }),
    );
  });
  return lists;
}
