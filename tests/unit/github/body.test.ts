import { describe, expect, it } from 'vitest';
import {
  GITHUB_BODY_LIMIT,
  PLAN_COMMENT_MARKER,
  parseRepo,
  repoPath,
  truncateBody,
  withMarker,
} from '../../../src/github/body.js';
import { PLAN_COMMENT_MARKER as RENDER_MARKER } from '../../../src/render/markdown.js';

describe('truncateBody', () => {
  it('returns a body within the limit unchanged', () => {
    const body = 'x'.repeat(GITHUB_BODY_LIMIT);
    expect(truncateBody(body)).toBe(body);
  });

  it('cuts a longer body at a line boundary, under the limit, with a note', () => {
    const body = Array.from({ length: 20_000 }, (_, i) => `line ${String(i)}`).join('\n');
    const out = truncateBody(body);
    expect(out.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(out).toMatch(/line \d+\n\n---\n:warning: \*\*Truncated\*\*/);
    expect(out).toContain('line 0\nline 1\n');
  });

  it('closes a code fence and <details> blocks left open by the cut', () => {
    const body = `<details><summary>a</summary>\n\n\`\`\`\n${'text\n'.repeat(100)}`;
    const out = truncateBody(body, 400);
    expect(out.length).toBeLessThanOrEqual(400);
    expect(out.match(/```/g)).toHaveLength(2);
    expect(out).toContain('</details>');
    expect(out.indexOf('```\n</details>')).toBeLessThan(out.indexOf('Truncated'));
  });
});

describe('withMarker', () => {
  it('prepends the marker once', () => {
    expect(withMarker('body', PLAN_COMMENT_MARKER)).toBe(`${PLAN_COMMENT_MARKER}\nbody`);
    expect(withMarker(`${PLAN_COMMENT_MARKER}\nbody`, PLAN_COMMENT_MARKER)).toBe(
      `${PLAN_COMMENT_MARKER}\nbody`,
    );
  });

  it('is the exact line the markdown renderer emits', () => {
    expect(PLAN_COMMENT_MARKER).toBe(RENDER_MARKER);
    expect(PLAN_COMMENT_MARKER).toBe('<!-- seqera-sync:plan -->');
  });
});

describe('parseRepo', () => {
  it('parses OWNER/NAME', () => {
    expect(parseRepo('biocommons/seqera-workspaces')).toEqual({
      owner: 'biocommons',
      name: 'seqera-workspaces',
    });
    expect(repoPath(parseRepo('a-b/c.d_e'))).toBe('/repos/a-b/c.d_e');
  });

  it.each([undefined, '', 'no-slash', 'a/b/c', '../x', 'a/b?c'])('rejects %j', (value) => {
    expect(() => parseRepo(value)).toThrow(/OWNER\/NAME/);
  });
});
