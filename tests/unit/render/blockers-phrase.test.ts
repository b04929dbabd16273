import { describe, expect, it } from 'vitest';
import type { BlockRule } from '../../../src/model/plan.js';
import { blockersPhrase } from '../../../src/render/summary.js';

const blocked = (...rules: BlockRule[]) => rules.map((rule) => ({ rule }));

describe('blockersPhrase', () => {
  it('counts safety rules, and calls what is not one by its name', () => {
    expect(blockersPhrase(blocked('maxDeletions'))).toBe('1 safety rule');
    expect(blockersPhrase(blocked('tokenUser', 'lastWorkspaceAdmin'))).toBe('2 safety rules');
    expect(blockersPhrase(blocked('missingVariable'))).toBe('1 unset variable');
    expect(blockersPhrase(blocked('missingVariable', 'missingVariable'))).toBe('2 unset variables');
    expect(blockersPhrase(blocked('missingVariable', 'maxDeletionRatio'))).toBe(
      '1 safety rule and 1 unset variable',
    );
    expect(
      blockersPhrase(blocked('unknownTeam', 'missingOrganization', 'workspaceDeletion', 'unknownTeam')),
    ).toBe('1 safety rule, 2 unknown teams and 1 missing organisation');
  });

  it('takes the names of what is not a safety rule from the kinds that block on them', () => {
    expect(blockersPhrase(blocked('unknownLabel', 'unknownLabel'))).toBe('2 unknown labels');
    expect(blockersPhrase(blocked('unknownRole', 'immutableLabel'))).toBe('1 safety rule and 1 unknown role');
    expect(blockersPhrase(blocked('customRoles', 'lastOrgOwner'))).toBe('2 safety rules');
  });
});
