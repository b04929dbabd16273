/**
 * Text from the platform or the files as data in markdown (issue bodies):
 * names and emails go in code spans, so they cannot open a block, fake a
 * heading, a link or a table row, or @mention anyone (GitHub links mentions
 * after rendering; a code span is never linked). Control characters and line
 * breaks become spaces; `|` is escaped so a table cell stays one cell.
 */

/** Control characters (C0, DEL, C1) and the Unicode line/paragraph separators. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** `text` as an inline code span that survives backticks, pipes and line breaks. */
export function mdCode(text: string): string {
  const flat = text.replace(CONTROL, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  const padded = longest > 0 || flat.startsWith(' ') || flat === '' ? ` ${flat} ` : flat;
  return `${ticks}${padded}${ticks}`.replace(/\|/g, '\\|');
}

/** Plain prose from our own vocabulary with a value in it: markdown metacharacters escaped. */
export function mdText(text: string): string {
  return text
    .replace(CONTROL, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|#~!@]/g, (c) => (c === '@' ? '@\u200d' : `\\${c}`));
}
