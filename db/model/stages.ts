export const STAGES = ['reserve', 'preliminary', 'new_start', 'continuing', 'completed'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  reserve: '储备',
  preliminary: '前期',
  new_start: '新开工',
  continuing: '续建',
  completed: '竣工',
};

export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}
