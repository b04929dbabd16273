import { describe, expect, it } from 'vitest';
import {
  escapeFenceContent,
  escapeMarkdown,
  escapeMarkdownHtml,
  fenceFor,
  markdownCode,
} from '../../../src/render/escape-markdown.js';
import { escapeText, escapeTextLines } from '../../../src/render/escape-text.js';

const ZWJ = '\u200d';

describe('escapeText', () => {
  it('shows C0, DEL, C1 and bidi characters as \\uXXXX and leaves other text alone', () => {
    expect(escapeText('a\u001b[31mb\u0007\u007f\u009b\u202e\u2066\u200f\n')).toBe(
      String.raw`a\u001b[31mb\u0007\u007f\u009b\u202e\u2066\u200f\u000a`,
    );
    expect(escapeText('plain — café ✓')).toBe('plain — café ✓');
  });

  it('escapeTextLines keeps line feeds', () => {
    expect(escapeTextLines('one\ntwo\r\u001b')).toBe(String.raw`one` + '\n' + String.raw`two\u000d\u001b`);
  });
});

describe('escapeMarkdown', () => {
  it('keeps everything on one line and inert', () => {
    const out = escapeMarkdown('x\n</details>\n| a | b |\n# h *b* _i_ [l](u) `c` ~s~');
    expect(out).not.toContain('\n');
    expect(out).toContain('&lt;/details&gt;');
    expect(out).toContain('\\| a \\| b \\|');
    expect(out).toContain('\\# h \\*b\\* \\_i\\_ \\[l\\](u) \\`c\\` \\~s\\~');
  });

  it('stops mentions but leaves email addresses readable', () => {
    expect(escapeMarkdown('@team and (@x) and jane@example.org')).toBe(
      `@${ZWJ}team and (@${ZWJ}x) and jane@example.org`,
    );
    expect(escapeMarkdownHtml('<b>@x</b>')).toBe(`&lt;b&gt;@${ZWJ}x&lt;/b&gt;`);
  });
});

describe('markdownCode', () => {
  it('cannot be ended early by backticks, and escapes pipes in a table', () => {
    expect(markdownCode('a``b')).toBe('``` a``b ```');
    expect(markdownCode('a|b', { inTable: true })).toBe('`a\\|b`');
    expect(markdownCode('a\nb')).toBe('`a\\u000ab`');
  });

  it('breaks a hidden marker and a mention', () => {
    const out = markdownCode('<!-- seqera-sync:plan --> @x');
    expect(out).not.toContain('<!--');
    expect(out).toContain(`@${ZWJ}x`);
  });
});

describe('fences', () => {
  it('a fence is longer than any backtick run inside', () => {
    expect(fenceFor('no ticks')).toBe('```');
    expect(fenceFor('a ```` b')).toBe('`````');
  });

  it('fence content keeps its lines but no control character or marker', () => {
    expect(escapeFenceContent('a\n\u001b<!-- m -->')).toBe(`a\n\\u001b<\u200b!-- m -->`);
  });
});
