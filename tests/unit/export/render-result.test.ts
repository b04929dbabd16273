/**
 * The export's text report: after the variables and their skeleton, the
 * kinds' notes on what plans do with the items that reference them (one
 * sentence of their clauses, then what the first plan once they are set does).
 */
import { describe, expect, it } from 'vitest';
import { renderExportResult } from '../../../src/export/render-result.js';
import type { ExportResult } from '../../../src/export/run-export.js';

const result = (unfingerprinted: readonly string[]): ExportResult => ({
  files: ['acme/west.yaml'],
  model: {
    org: 'acme',
    files: [],
    variables: [{ name: 'WEST_GH_TOKEN', address: 'acme/west/credentials/gh', field: 'keys.token' }],
    unfingerprinted,
    warnings: [],
    attachments: [],
  },
});

describe('renderExportResult (text)', () => {
  it("ends with the kinds' notes on the items that reference variables", () => {
    const text = renderExportResult(result(['acme/west/credentials/gh']), 'text');
    expect(text).toContain(
      [
        '  }',
        '',
        'Until its variables are set, a plan leaves each credential as it is ("keys not compared"); pipeline secrets are never rewritten unless --rotate-secrets is given.',
        'Once the variables are set, the next plan updates 1 credential once to record a keys fingerprint (they have none yet):',
        '  acme/west/credentials/gh',
        '',
      ].join('\n'),
    );
  });

  it('says nothing about fingerprints when every credential has one', () => {
    const text = renderExportResult(result([]), 'text');
    expect(text).toMatch(/--rotate-secrets is given\.\n$/);
    expect(text).not.toContain('fingerprint');
  });
});
