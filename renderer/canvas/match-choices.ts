export interface Choice {
  id: string;
  label: string;
  /** Shown after the label and matched too: a role's title. */
  detail?: string;
}

/** Choices whose words start with what was typed, best first: the whole label, then any word. */
export function matchChoices(choices: readonly Choice[], query: string): Choice[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...choices];
  const text = (c: Choice) => `${c.label} ${c.detail ?? ''}`.toLowerCase();
  const starts = choices.filter((c) => text(c).startsWith(q));
  const words = choices.filter((c) => !starts.includes(c) && text(c).split(/[\s,·-]+/).some((w) => w.startsWith(q)));
  const anywhere = choices.filter((c) => !starts.includes(c) && !words.includes(c) && text(c).includes(q));
  return [...starts, ...words, ...anywhere];
}
