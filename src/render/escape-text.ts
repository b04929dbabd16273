/**
 * Text from files or the platform, made safe for a terminal or a log: every
 * control character (C0, DEL, C1 — so no ESC sequence can start), every bidi
 * override or isolate (U+202A–U+202E, U+2066–U+2069) and the invisible
 * direction marks (U+200E, U+200F, U+061C) are shown as a visible `\uXXXX`
 * instead of being sent through. Nothing else changes, so what a reviewer
 * reads is what the file or the platform holds. Linear time.
 */

/** True for a character a terminal would act on, or that reorders what it shows. */
function isUnsafe(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

function escapeWith(text: string, keepNewlines: boolean): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isUnsafe(code) || (keepNewlines && code === 0x0a)) continue;
    out += `${text.slice(from, i)}\\u${code.toString(16).padStart(4, '0')}`;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** One line of text for a terminal: control and bidi characters (newlines too) become `\uXXXX`. */
export function escapeText(text: string): string {
  return escapeWith(text, false);
}

/** Multi-line text for a terminal: as `escapeText`, but line feeds are kept as line breaks. */
export function escapeTextLines(text: string): string {
  return escapeWith(text, true);
}
