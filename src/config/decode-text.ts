/**
 * Turns a configuration file's bytes into text, refusing what YAML parsing
 * would otherwise accept silently or mangle: bytes that are not valid UTF-8
 * (Node would replace them with U+FFFD) and NUL characters. Each refusal says
 * where (1-based line and column, in characters). Linear time.
 */

export type DecodedText =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly line: number; readonly column: number; readonly message: string };

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when it is not valid. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] ?? 0;
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const b = bytes[i + k];
    return b !== undefined && b >= lo && b <= hi;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const lo = b0 === 0xe0 ? 0xa0 : 0x80;
    const hi = b0 === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const lo = b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceLength(bytes, i);
    if (n === 0) return i;
    i += n;
  }
  return bytes.length;
}

/** Line and column (in characters) of byte `offset`. */
function positionOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: lenient.decode(bytes.subarray(lineStart, offset)).length + 1 };
}

export function decodeConfigText(bytes: Uint8Array): DecodedText {
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch {
    const offset = firstInvalidByte(bytes);
    return {
      ok: false,
      ...positionOf(bytes, offset),
      message: `the file is not valid UTF-8 (byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at this position): save it as UTF-8`,
    };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { ok: false, ...positionOf(bytes, nul), message: 'the file contains a NUL character' };
  }
  return { ok: true, text };
}
