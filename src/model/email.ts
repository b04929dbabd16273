/**
 * What counts as an email address, checked in one pass over at most
 * EMAIL_MAX_LENGTH characters (no regular expression that could backtrack on
 * a long input): exactly one `@`; a non-empty local part of RFC 5322 atext
 * characters and dots; a domain that contains a dot and no whitespace or
 * control character; at most 254 characters in all (the platform's limit).
 * Leading and trailing whitespace is ignored, as everywhere emails are
 * compared (trimmed, case-insensitive).
 */

/** The longest address accepted, in characters. */
export const EMAIL_MAX_LENGTH = 254;

/** RFC 5322 atext besides letters and digits. */
const ATEXT_SYMBOLS = new Set("!#$%&'*+-/=?^_`{|}~".split(''));

function isAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isLocalChar(char: string): boolean {
  return isAlphanumeric(char.charCodeAt(0)) || char === '.' || ATEXT_SYMBOLS.has(char);
}

function isDomainChar(char: string): boolean {
  const code = char.charCodeAt(0);
  return code > 0x20 && code !== 0x7f && !(code >= 0x80 && code <= 0xa0) && char !== '@' && !/\s/.test(char);
}

/** Why `raw` is not an email address (a plain phrase), or undefined when it is one. */
export function emailProblem(raw: string): string | undefined {
  if (raw.length > EMAIL_MAX_LENGTH * 4) return `is longer than ${EMAIL_MAX_LENGTH} characters`;
  const text = raw.trim();
  if (text.length > EMAIL_MAX_LENGTH) return `is longer than ${EMAIL_MAX_LENGTH} characters`;
  const at = text.indexOf('@');
  if (at === -1) return "has no '@'";
  if (text.indexOf('@', at + 1) !== -1) return "has more than one '@'";
  if (at === 0) return "has nothing before the '@'";
  for (const char of text.slice(0, at)) {
    if (!isLocalChar(char)) return "has a character before the '@' that an address cannot hold";
  }
  const domain = text.slice(at + 1);
  for (const char of domain) {
    if (!isDomainChar(char)) return "has a space or control character after the '@'";
  }
  if (!domain.includes('.')) return "has no '.' in the domain after the '@'";
  return undefined;
}

/** True for an email address (see the module comment). */
export function isEmailAddress(raw: string): boolean {
  return emailProblem(raw) === undefined;
}
