/** "a", "a and b", "a, b and c" (or with "or"): lists as messages say them. */
export function listInWords(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** Starts a message with a capital even when it opens with "an unnamed role". */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function countInWords(count: number, singular: string, plural = `${singular}s`): string {
  const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven'];
  return `${words[count] ?? count} ${count === 1 ? singular : plural}`;
}
