import type { Stage } from './stages';

/**
 * Every word the app reads as a stage, in a 阶段 column, in 建设性质, in a section title (一、在建项目) or a sheet's
 * name. Words are compared whole, after taking off spaces and a trailing 项目 or 类: “在建中” is 续建, “拟在建”
 * is no stage. A word not in this table is reported by name in the import preview, never guessed.
 */
export const STAGE_WORDS: Record<Stage, readonly string[]> = {
  reserve: ['储备', '谋划', '招商储备', '洽谈', '在谈', '拟签约', '策划', '储备谋划'],
  preliminary: ['前期', '预备', '前期工作', '筹备', '拟建', '前期推进'],
  new_start: ['新开工', '拟新开工', '计划新开工', '拟开工', '待开工', '新建开工'],
  continuing: ['续建', '在建', '在建中', '建设中', '施工中', '续建中', '在建续建', '加快建设'],
  completed: ['竣工', '已竣工', '建成', '已建成', '投产', '已投产', '建成投产', '竣工投产', '完工', '已完工'],
};

const BY_WORD = new Map<string, Stage>(
  (Object.entries(STAGE_WORDS) as [Stage, readonly string[]][]).flatMap(([stage, words]) =>
    words.map((word) => [word, stage] as const),
  ),
);

function bareWord(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/(项目)$/, '')
    .replace(/类$/, '');
}

/** The stage a cell's word names, or undefined when it names none. */
export function stageOfWord(text: string): Stage | undefined {
  return BY_WORD.get(bareWord(text));
}

/** 一、新开工项目（12个） / （二）2026年续建类项目 / 第三部分 竣工项目 → the stage, when the title names one. */
export function stageOfTitle(title: string): Stage | undefined {
  const bare = title
    .replace(/\s+/g, '')
    .replace(/^[一二三四五六七八九十百]+[、.．]/, '')
    .replace(/^[（(][一二三四五六七八九十]+[)）]/, '')
    .replace(/^第[一二三四五六七八九十]+(部分|类|批)[、:：]?/, '')
    .replace(/^\d{4}年(度)?/, '')
    .replace(/[（(][^（()）]*[)）]$/, '')
    .replace(/(重点)?(建设)?项目(清单|名单|表)?$/, '');
  return stageOfWord(bare);
}
