import type { Chain } from './reference';

// 导入台账 without a 产业链 column: a chain is proposed for each new project from its name and owner. An anchor
// company of the plan (湘君电子 → 电子信息) is the strongest sign, then the chain's keywords, then words of the
// chain's own name. A tie between chains proposes nothing: the clerk chooses, or the default applies.

export interface ChainProposal {
  chainId: number;
  /** what the clerk reads beside the proposal: 建设单位含“湘君电子” */
  reason: string;
}

type Clue = { chainId: number; weight: number; reason: string };

function cluesOf(chain: Chain, name: string, owner: string): Clue[] {
  const clues: Clue[] = [];
  const where = (word: string) => (owner.includes(word) ? '建设单位' : name.includes(word) ? '项目名称' : null);
  for (const company of chain.anchorCompanies) {
    const found = where(company);
    if (found) clues.push({ chainId: chain.id, weight: 10, reason: `${found}含龙头企业“${company}”` });
  }
  for (const word of chain.keywords) {
    const found = where(word);
    if (found) clues.push({ chainId: chain.id, weight: word.length >= 3 ? 3 : 2, reason: `${found}含“${word}”` });
  }
  const ownName = chain.name.replace(/(产业链|产业|链)$/, '');
  if (ownName.length >= 2 && (name.includes(ownName) || owner.includes(ownName))) {
    clues.push({ chainId: chain.id, weight: 4, reason: `名称含“${ownName}”` });
  }
  return clues;
}

export function proposeChain(chains: readonly Chain[], name: string, owner: string): ChainProposal | null {
  const scored = chains
    .filter((c) => !c.retired)
    .map((chain) => {
      const clues = cluesOf(chain, name, owner).sort((a, b) => b.weight - a.weight);
      return { chain, score: clues.reduce((sum, c) => sum + c.weight, 0), reason: clues[0]?.reason ?? '' };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  if (!scored.length || (scored[1] && scored[1].score === scored[0].score)) return null;
  return { chainId: scored[0].chain.id, reason: scored[0].reason };
}
