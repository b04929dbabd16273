/**
 * Attack: a maintainer puts markdown into the text of their own workspace
 * file (fullName, description, a pipeline's name, a param value) to change
 * what reviewers see in the PR comment: close the `<details>` block, add a
 * fake `Plan: 0 to add` summary line, a table row, a heading, a list item, a
 * code fence, a second hidden marker, and @mention someone.
 * Outcome: the markdown plan keeps its structure — one marker, one summary
 * line, every block closed where the renderer closes it, no extra table rows,
 * and no mention — while the text is still shown (as data).
 */
import { describe, expect, it } from 'vitest';
import { PLAN_COMMENT_MARKER } from '../../src/render/markdown.js';
import { BOT_EMAIL, ORG, configDir, emulator, orgFile, seedWith, sync } from './support/attack.js';

const FORGED_SUMMARY = 'Plan: 0 to add, 0 to change, 0 to replace, 0 to destroy.';

/** Every trick at once, as a YAML double-quoted string. */
const PAYLOAD = [
  'x',
  '```',
  '</details>',
  '',
  FORGED_SUMMARY,
  '| forged | row |',
  '# Forged heading',
  '- forged item',
  `@mallory ${PLAN_COMMENT_MARKER}`,
].join('\\n');

const WORKSPACE = `name: ws
fullName: "Genomics @mallory </details>\\n${FORGED_SUMMARY}"
description: "${PAYLOAD}"
visibility: shared
participants:
  - { email: ${BOT_EMAIL}, role: owner }
pipelines:
  - name: "p\\n</details>\\n${FORGED_SUMMARY}\\n@mallory"
    url: https://github.com/nf-core/rnaseq
  - name: "q\\n\`\`\`\`\\n${PLAN_COMMENT_MARKER}\\n| forged | row |"
    url: https://github.com/nf-core/sarek
    params:
      outdir: "${PAYLOAD}"
`;

function fenceLinesAlternate(lines: readonly string[]): boolean {
  const fences = lines.filter((l) => /^`{3,}/.test(l));
  for (let i = 0; i < fences.length; i += 2) {
    const open = /^(`{3,})diff$/.exec(fences[i] ?? '');
    if (open?.[1] === undefined || fences[i + 1] !== open[1]) return false;
  }
  return fences.length % 2 === 0;
}

describe('a forged plan comment', () => {
  it('renders the hostile text as inert data: the comment keeps its structure', async () => {
    const emu = await emulator(seedWith({}));
    const dir = await configDir({ [`${ORG}/organization.yaml`]: orgFile(), [`${ORG}/ws.yaml`]: WORKSPACE });

    const result = await sync(emu.endpoint, dir, ['plan', '--format', 'markdown']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const md = result.stdout;
    const lines = md.split('\n');

    expect(md.split(PLAN_COMMENT_MARKER).length - 1, 'hidden markers').toBe(1);
    expect(
      lines.filter((l) => /^\W*Plan: \d+ to add/.test(l)),
      'summary lines',
    ).toEqual(['**Plan: 3 to add, 0 to change, 0 to replace, 0 to destroy.**']);
    const opened = lines.filter((l) => l.startsWith('<details>')).length;
    expect(opened).toBeGreaterThan(0);
    expect(lines.filter((l) => l.trim() === '</details>').length, 'closed blocks').toBe(opened);
    expect(fenceLinesAlternate(lines), 'every fence is the renderer’s own').toBe(true);
    expect(lines.filter((l) => l.startsWith('|')).every((l) => /^\| (Scope|:--|`)/.test(l))).toBe(true);
    expect(lines.some((l) => /^#\s*Forged|^- forged/.test(l))).toBe(false);
    // GitHub links `@name` at the start or after a character other than a letter or digit.
    expect(md, 'no @mention').not.toMatch(/(^|[^A-Za-z0-9])@mallory/m);
    // Still shown, as text: the reviewer sees what the file says.
    expect(md).toContain('@\u200dmallory');
    expect(md).toContain('\\u000a');
  });
});
