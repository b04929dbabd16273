import { describe, expect, it } from 'vitest';
import type { OperationsContext } from '../../../src/api/call-helpers.js';
import { sideBySide } from '../../../src/api/client.js';

const context = {} as OperationsContext;
const labels = () => ({ listLabels: () => 'labels' });
const secrets = () => ({ listSecrets: () => 'secrets', toString: () => 'own toString' });

describe("the API client's operations files", () => {
  it('puts every file’s methods side by side', () => {
    const client = sideBySide([labels, secrets] as const, context);
    expect(client.listLabels()).toBe('labels');
    expect(client.listSecrets()).toBe('secrets');
  });

  it('refuses a method two files define, naming it', () => {
    expect(() => sideBySide([labels, () => ({ listLabels: () => 'again' })], context)).toThrow(
      "two operations files of the API client define 'listLabels'",
    );
  });

  it('takes a method named like an inherited property (toString) as the file’s own', () => {
    expect(sideBySide([secrets] as const, context).toString()).toBe('own toString');
  });
});
