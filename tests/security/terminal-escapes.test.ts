/**
 * Attack: a maintainer writes raw terminal escape sequences and bidi
 * overrides into their workspace file (a pipeline's name, the description)
 * so that a reviewer's terminal clears the screen, hides lines, opens a
 * hyperlink or shows text reordered.
 * Outcome: `plan` (text) and `validate` print no control, escape or bidi
 * character at all; each shows as a visible `\uXXXX`.
 */
import { describe, expect, it } from 'vitest';
import { BOT_EMAIL, ORG, configDir, emulator, orgFile, seedWith, sync } from './support/attack.js';

/** ESC clear-screen, an OSC 8 hyperlink ended by BEL, a C1 CSI, a right-to-left override and an isolate. */
const NAME = String.raw`p\e[2J\e]8;;https://evil.example\aclick\e]8;;\a\x9b1A\u202Egpj.exe\u2066`;

/** The control, escape and bidi characters in `text` (line feeds aside): none may reach a terminal. */
function unsafe(text: string): number[] {
  const found: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (
      (code < 0x20 && code !== 0x0a) ||
      (code >= 0x7f && code <= 0x9f) ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069)
    ) {
      found.push(code);
    }
  }
  return found;
}

function workspace(extra = ''): string {
  return `name: ws
fullName: Genomics
description: "hidden\\e[8m text\\u202Eevil"
visibility: shared
participants:
  - { email: ${BOT_EMAIL}, role: owner }
pipelines:
  - name: "${NAME}"
    url: https://github.com/nf-core/rnaseq
${extra}`;
}

describe('terminal escapes in a workspace file', () => {
  it('plan shows them as \\uXXXX and sends none to the terminal', async () => {
    const emu = await emulator(seedWith({}));
    const dir = await configDir({ [`${ORG}/organization.yaml`]: orgFile(), [`${ORG}/ws.yaml`]: workspace() });

    const result = await sync(emu.endpoint, dir, ['plan']);
    expect(result.code).toBe(0);
    expect(unsafe(result.stdout)).toEqual([]);
    expect(unsafe(result.stderr)).toEqual([]);
    expect(result.stdout).toContain(String.raw`p\u001b[2J\u001b]8;;https://evil.example\u0007click`);
    expect(result.stdout).toContain(String.raw`\u009b1A\u202egpj.exe\u2066`);
  });

  it('validate errors that quote the value show them the same way', async () => {
    const dir = await configDir({
      [`${ORG}/organization.yaml`]: orgFile(),
      // A role that is not allowed: the error quotes it.
      [`${ORG}/ws.yaml`]: workspace().replace('role: owner', 'role: "\\e[31mowner\\u202E"'),
    });
    const result = await sync('http://127.0.0.1:9', dir, ['validate']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(String.raw`\u001b[31mowner\u202e`);
    expect(unsafe(result.stdout)).toEqual([]);
    expect(unsafe(result.stderr)).toEqual([]);
  });
});
