import { describe, expect, it } from 'vitest';
import { closest } from '../../../src/formats/schema-messages.js';
import { schemaValidators } from '../../../src/formats/schema-validator.js';

async function issues(kind: 'organization' | 'workspace', value: unknown) {
  return (await schemaValidators()).validate(kind, value);
}

describe('schema messages', () => {
  it('explains types in plain words, once per value', async () => {
    expect(
      await issues('workspace', {
        name: 'ws',
        fullName: 'W',
        participants: [{ email: 'a@example.org', role: 3 }],
        prune: 'yes',
        computeEnvironments: [{ name: 'c', platform: 'slurm-platform', config: { maxQueueSize: 'ten' } }],
      }),
    ).toEqual([
      { pointer: '/prune', anchor: 'value', message: "prune must be a boolean or a mapping (got 'yes')" },
      { pointer: '/participants/0/role', anchor: 'value', message: 'role must be a string (got 3)' },
      {
        pointer: '/computeEnvironments/0/config/maxQueueSize',
        anchor: 'value',
        message: "maxQueueSize must be a whole number (got 'ten')",
      },
    ]);
  });

  it('names list items by their list', async () => {
    expect(
      await issues('organization', { name: 'org', teams: [{ name: 'tt', members: ['not-an-email'] }] }),
    ).toEqual([
      {
        pointer: '/teams/0/members/0',
        anchor: 'value',
        message: "members[0] 'not-an-email' must be an email address (it has no '@')",
      },
    ]);
  });

  it('reports missing keys, limits and repeats', async () => {
    expect(await issues('workspace', { name: 'ws', profiles: [] })).toEqual([
      { pointer: '', anchor: 'key', message: "missing required key 'fullName'" },
      {
        pointer: '/profiles',
        anchor: 'key',
        message: expect.stringContaining("unknown key 'profiles'") as unknown,
      },
    ]);
    expect(
      await issues('organization', {
        name: 'org',
        policy: { maxDeletionRatio: 2, protectedUsers: ['a@x.org', 'a@x.org'] },
      }),
    ).toEqual([
      {
        pointer: '/policy/maxDeletionRatio',
        anchor: 'value',
        message: 'maxDeletionRatio must be <= 1 (got 2)',
      },
      {
        pointer: '/policy/protectedUsers',
        anchor: 'value',
        message: "protectedUsers lists 'a@x.org' more than once",
      },
    ]);
  });

  it('says what a non-mapping file should be', async () => {
    expect(await issues('workspace', ['a'])).toEqual([
      { pointer: '', anchor: 'value', message: 'the file must be a mapping of keys (got a list)' },
    ]);
  });

  it('suggests the closest allowed key only when it is plausible', () => {
    expect(closest('fusion2enabled', ['fusion2Enabled', 'waveEnabled'])).toBe('fusion2Enabled');
    expect(closest('workdir', ['workDir', 'launchDir'])).toBe('workDir');
    expect(closest('somethingElse', ['workDir', 'launchDir'])).toBeUndefined();
  });
});
