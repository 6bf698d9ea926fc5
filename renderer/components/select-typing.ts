/** What a select's options look like to the clerk: a value and the text shown for it. */
export interface TypedOption<V> {
  value: V;
  label: string;
}

const normal = (text: string) => text.trim().toLowerCase();

/** Filtering as the clerk types: the label holds the typed text (letters in either case). */
export function labelHolds(label: string, typed: string): boolean {
  return normal(label).includes(normal(typed));
}

export type EnterChoice<V> =
  | { kind: 'nothing typed' }
  | { kind: 'take'; option: TypedOption<V> }
  | { kind: 'no match' }
  | { kind: 'several'; count: number };

/**
 * What Enter does with the text typed into a select: the option it names exactly, or the only one holding it.
 * It never guesses between several, and takes nothing when none fits.
 */
export function enterChoice<V>(options: readonly TypedOption<V>[], typed: string): EnterChoice<V> {
  if (!typed.trim()) return { kind: 'nothing typed' };
  const matches = options.filter((o) => labelHolds(o.label, typed));
  const exact = matches.find((o) => normal(o.label) === normal(typed));
  if (exact) return { kind: 'take', option: exact };
  if (matches.length === 1) return { kind: 'take', option: matches[0] };
  return matches.length ? { kind: 'several', count: matches.length } : { kind: 'no match' };
}
