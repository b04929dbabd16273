/** `1 configuration error`, `2 configuration errors`: a count with its noun, never "error(s)". */
export function countOf(n: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${String(n)} ${n === 1 ? noun : pluralNoun}`;
}
