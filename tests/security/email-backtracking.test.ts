/**
 * Attack: an email of ~100,000 characters shaped to make a backtracking
 * email pattern take quadratic time (13 s with the old pattern), stalling
 * validation in CI.
 * Outcome: `validate` finishes quickly (far under a generous bound; no timed
 * micro-benchmark) and rejects the address with a clear, positioned message
 * that does not echo the whole value.
 */
import { describe, expect, it } from 'vitest';
import { ORG, configDir, orgFile, sync } from './support/attack.js';

/** `a@` then 100,000 characters of `a.` labels, ended by a space: every dot is a backtracking point. */
const HOSTILE = `a@${'a.'.repeat(50_000)} x`;

describe('a backtracking email', () => {
  it('is rejected fast and clearly', async () => {
    const dir = await configDir({
      [`${ORG}/organization.yaml`]: orgFile(`members:\n  - { email: "${HOSTILE}", role: member }\n`),
    });
    const started = performance.now();
    const result = await sync('http://127.0.0.1:9', dir, ['validate']);
    const seconds = (performance.now() - started) / 1000;

    // A sanity bound, not a benchmark: the old pattern took 13 s, a linear check well under 1 s.
    expect(seconds, 'validation time in seconds').toBeLessThan(8);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'workspaces/acme/organization.yaml:4:14: error: email must be at most 254 characters (/members/0/email)',
    );
    expect(result.stdout.length).toBeLessThan(2_000);
  }, 60_000);

  it('the rule itself: one @, an atext local part, a dotted domain, at most 254 characters', async () => {
    const emails = [
      'ok.person+tag@example.org',
      'two@@example.org',
      '@example.org',
      'no-dot@localhost',
      'spa ce@example.org',
      `${'a'.repeat(250)}@example.org`,
    ];
    const dir = await configDir({
      [`${ORG}/organization.yaml`]: orgFile(
        `members:\n${emails.map((e) => `  - { email: "${e}", role: member }`).join('\n')}\n`,
      ),
    });
    const result = await sync('http://127.0.0.1:9', dir, ['validate']);
    expect(result.code).toBe(1);
    const errors = result.stdout.split('\n').filter((l) => l.includes(': error: '));
    expect(errors.map((l) => /\/members\/(\d+)\/email/.exec(l)?.[1])).toEqual(['1', '2', '3', '4', '5']);
    expect(result.stdout).toContain(
      "email 'two@@example.org' must be an email address (it has more than one '@')",
    );
    expect(result.stdout).toContain(
      "email 'no-dot@localhost' must be an email address (it has no '.' in the domain",
    );
  });
});
