/**
 * 首次使用清单: what an office that started blank (空白开始) still lacks before the app is of use. Each step counts
 * as done when the data shows it, however the clerk got there (import, settings, by hand).
 */
export interface FirstRunChecklist {
  projectCount: number;
  /** units that can still be chosen (not retired) */
  unitCount: number;
  /** names of the active chains without a 链长 */
  chainsWithoutLead: string[];
}

export interface FirstRunSteps {
  /** 导入已有台账: the library has projects */
  importLedger: boolean;
  /** 单位: at least one responsible unit to choose */
  addUnits: boolean;
  /** 链长: every active chain has one */
  setChainLeads: boolean;
}

export function firstRunSteps(checklist: FirstRunChecklist): FirstRunSteps {
  return {
    importLedger: checklist.projectCount > 0,
    addUnits: checklist.unitCount > 0,
    setChainLeads: checklist.chainsWithoutLead.length === 0,
  };
}

export function isFirstRunDone(checklist: FirstRunChecklist): boolean {
  return Object.values(firstRunSteps(checklist)).every(Boolean);
}
