/**
 * Text from files or the platform (names, descriptions, emails, params,
 * error messages) put into GitHub markdown as data, never markup. Each
 * helper is for one place in a document:
 *
 * - `escapeMarkdown`: inline prose (a list item, a table cell, a sentence);
 * - `escapeMarkdownHtml`: text inside an HTML element such as `<summary>`;
 * - `markdownCode`: an inline code span;
 * - `escapeFenceContent`: the lines of a fenced code block (with `fenceFor`).
 *
 * What none of them lets through: a line break (so nothing can start a
 * heading, a list item, a table row, a block tag such as `</details>`, or a
 * line that looks like the plan's summary), a raw `<` (HTML, the hidden
 * marker), markdown punctuation that would format or link, a code span or
 * fence that ends early, and an `@mention`. GitHub links mentions after
 * rendering, so a backslash or `&#64;` before `@` does not stop one; a zero
 * width joiner right after the `@` does, and leaves the text readable.
 * Control and bidi characters are shown as `\uXXXX` (see escape-text.ts).
 * Every helper runs in linear time.
 */
import { escapeText, escapeTextLines } from './escape-text.js';

/** Zero width joiner: after `@` it stops GitHub from linking a mention. */
const ZWJ = '\u200d';
/** Zero width space: inside `<!--` in code it keeps the text from reading as a hidden marker. */
const ZWSP = '\u200b';

const ENTITY: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
};

/**
 * A zero width joiner after every `@` that could start a mention: one at the
 * start or after a character other than a letter or digit (GitHub does not
 * link the `@` inside an email address such as `jane@example.org`).
 */
function noMention(text: string): string {
  return text.replace(/(^|[^A-Za-z0-9])@/g, (_match, before: string) => `${before}@${ZWJ}`);
}

function noMarker(text: string): string {
  return text.replaceAll('<!--', `<${ZWSP}!--`);
}

/** Inline prose: HTML as entities, markdown punctuation backslash-escaped, no line break, no mention. */
export function escapeMarkdown(text: string): string {
  const escaped = escapeText(text)
    .replace(/[&<>]/g, (c) => ENTITY[c] ?? c)
    .replace(/[\\`*_[\]|#~]/g, (c) => `\\${c}`);
  return noMention(escaped);
}

/** Text inside an HTML element (markdown is not parsed there): entities, no line break, no mention. */
export function escapeMarkdownHtml(text: string): string {
  return noMention(escapeText(text).replace(/[&<>]/g, (c) => ENTITY[c] ?? c));
}

export interface CodeSpanOptions {
  /** The span sits in a table cell, where even a `|` inside code ends the cell unless escaped. */
  readonly inTable?: boolean;
}

/** An inline code span that nothing in `text` can end early, on one line, with no mention. */
export function markdownCode(text: string, options: CodeSpanOptions = {}): string {
  let body = noMention(noMarker(escapeText(text)));
  if (options.inTable === true) body = body.replaceAll('|', '\\|');
  let longest = 0;
  for (const run of body.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const ticks = '`'.repeat(longest + 1);
  const pad = longest > 0 || body.startsWith(' ') || body.endsWith(' ') ? ' ' : '';
  return `${ticks}${pad}${body}${pad}${ticks}`;
}

/** The lines of a fenced code block: line breaks kept, control characters visible, no hidden marker or mention. */
export function escapeFenceContent(text: string): string {
  return noMention(noMarker(escapeTextLines(text)));
}

/** A backtick fence longer than any backtick run in `content` (at least three), so it cannot be closed early. */
export function fenceFor(content: string): string {
  let longest = 0;
  for (const run of content.matchAll(/`{3,}/g)) longest = Math.max(longest, run[0].length);
  return '`'.repeat(Math.max(3, longest + 1));
}
