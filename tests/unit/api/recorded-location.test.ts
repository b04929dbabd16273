/** Where the tests find the recorded platform responses, and that CI cannot silently skip them. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RECORDED_DIR, locateRecorded } from '../../helpers/recorded.js';

describe('locateRecorded', () => {
  it('fails when SEQERA_RECORDED_DIR names a folder without recordings', () => {
    expect(() => locateRecorded({ SEQERA_RECORDED_DIR: '/nonexistent/recorded' })).toThrow(
      /SEQERA_RECORDED_DIR is set to '\/nonexistent\/recorded'/,
    );
  });

  it('without the variable: the default folder, else a skip reason, else (in CI) a failure', () => {
    const located = locateRecorded({});
    if ('dir' in located) {
      expect(located.dir).toBe(DEFAULT_RECORDED_DIR);
    } else {
      expect(located.skipReason).toContain('SEQERA_RECORDED_DIR is not set');
      expect(() => locateRecorded({ CI: 'true' })).toThrow(/recorded platform responses not found/);
    }
  });
});
