import { addGoal, notMeasured } from './goals';
import type { HostFigures } from './host';

const ROWS_MS = 300;
const LONG_TASK_MS = 50;
const SCREENS = ['项目库', '本周调度'];

/** Rows within 300 ms of the click; no long task over 50 ms while scrolling to the end or typing a search. */
export function addScreenGoals(host: HostFigures | null, problem?: string): void {
  for (const screen of SCREENS) {
    const feel = host?.screens?.find((s) => s.screen === screen);
    const names = [
      `${screen}: rows after the click`,
      `${screen}: longest task scrolling to the end`,
      `${screen}: longest task typing a search`,
    ];
    if (!feel || !host?.bare) {
      for (const name of names) notMeasured(name, host?.screensProblem ?? problem ?? 'no figures');
      continue;
    }
    console.log(
      `  ${screen}: rows ${feel.rowsMs.toFixed(0)} ms after the click (its data fetched bare in the page ` +
        `${feel.bareFetchMs.toFixed(0)} ms); longest task scrolling ${feel.scrollLongestTaskMs.toFixed(0)} ms, ` +
        `typing ${feel.typeLongestTaskMs.toFixed(0)} ms`,
    );
    addGoal({
      name: names[0],
      figure: feel.rowsMs,
      unit: 'ms',
      limit: ROWS_MS,
      baseline: { label: 'its data fetched in the page', value: feel.bareFetchMs },
    });
    addGoal({
      name: names[1],
      figure: feel.scrollLongestTaskMs,
      unit: 'ms',
      limit: LONG_TASK_MS,
      baseline: { label: 'bare 5,000-row table', value: host.bare.scrollLongestTaskMs },
    });
    addGoal({
      name: names[2],
      figure: feel.typeLongestTaskMs,
      unit: 'ms',
      limit: LONG_TASK_MS,
      baseline: { label: 'bare input', value: host.bare.typeLongestTaskMs },
    });
  }
}
