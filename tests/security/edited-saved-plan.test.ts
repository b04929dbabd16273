/**
 * Attack: between review and apply, someone edits the saved plan — adds an
 * action, sets an override flag, empties its list of blocked rules — so that
 * `apply FILE` does more than reviewers saw. Outcome: the file's digest no
 * longer matches and apply refuses it ("plan file was modified after it was
 * written") before any request — also when the digest was recomputed by
 * someone without the API token it is keyed with; and even a file resealed
 * with the token has its safety rules checked again from its own actions,
 * so a blocked plan stays blocked. Zero writes either way.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planDocumentDigest } from '../../src/saved-plan/digest.js';
import { useEmulator } from '../helpers/emulator.js';
import { withHandAddedParticipants } from '../integration/cli/support.js';
import {
  convergedSeed,
  expectNothingShown,
  FAST_CE,
  jobEnv,
  loadEstate,
  sync,
  useTempDir,
  writes,
} from './support.js';

/** Twelve people added by hand to the shared workspace, whose participants the estate prunes: over maxDeletions (10). */
const EXTRAS = Array.from({ length: 12 }, (_, i) => `hand.added.${String(i)}@example.org`);
const seed = withHandAddedParticipants(await convergedSeed(await loadEstate()), EXTRAS.slice(0, 1));
const overCap = withHandAddedParticipants(await convergedSeed(await loadEstate()), EXTRAS);
const PLAN = 'reviewed.plan.json';
const MODIFIED = 'plan file was modified after it was written';

type Doc = Record<string, unknown> & {
  actions: Record<string, unknown>[];
  options: Record<string, boolean>;
  preconditions: Record<string, string>;
  blocked: unknown[];
};

/**
 * Edits the saved plan. `reseal` recomputes its digest: `'plain'` as anyone
 * can (a sha256), or with `{ key }`, as only someone holding the API token can.
 */
async function edit(
  dir: string,
  change: (doc: Doc) => void,
  reseal: false | 'plain' | { readonly key: string } = false,
): Promise<void> {
  const file = join(dir, PLAN);
  const doc = JSON.parse(await readFile(file, 'utf8')) as Doc;
  change(doc);
  if (reseal !== false)
    doc['planDigest'] = planDocumentDigest(doc, reseal === 'plain' ? undefined : reseal.key);
  await writeFile(file, JSON.stringify(doc, null, 2));
}

describe('attack: a saved plan edited after review', () => {
  const fx = useEmulator({ ...FAST_CE, seed });
  const tmp = useTempDir();

  it.each([
    [
      'an action added',
      (doc: Doc) => {
        const first = doc.actions[0]!;
        const address = `${String(first['address'])}-extra`;
        doc.actions.push({ ...first, address });
        doc.preconditions[address] = 'absent';
      },
    ],
    ['an override flag set', (doc: Doc) => (doc.options['allowDeletions'] = true)],
    ['--allow-workspace-deletion set', (doc: Doc) => (doc.options['allowWorkspaceDeletion'] = true)],
    ['a reason reworded', (doc: Doc) => (doc.actions[0]!['reason'] = 'nothing to see here')],
  ])('%s: refused before any request, nothing written', async (_name, change) => {
    const planned = await sync(fx.emu, ['plan', '--out', PLAN], { env: jobEnv(), cwd: tmp.path });
    expect(planned.code, planned.stderr).toBe(0);
    await edit(tmp.path, change);
    await checkRefused();
    // Recomputing the digest without the token does not help.
    const again = await sync(fx.emu, ['plan', '--out', PLAN], { env: jobEnv(), cwd: tmp.path });
    expect(again.code, again.stderr).toBe(0);
    await edit(tmp.path, change, 'plain');
    await checkRefused();
  });

  async function checkRefused(): Promise<void> {
    const before = fx.emu.requestLog().length;
    const applied = await sync(fx.emu, ['apply', PLAN], { env: jobEnv(), cwd: tmp.path });
    expect(applied.code).toBe(1);
    expect(applied.stderr).toContain(`${PLAN}: ${MODIFIED}`);
    expect(fx.emu.requestLog().length).toBe(before); // not even a read
    expect(writes(fx.emu)).toEqual([]);
    expectNothingShown(applied);
  }
});

describe('attack: a blocked saved plan with its blocked rules removed and its digest recomputed with the token', () => {
  const fx = useEmulator({ ...FAST_CE, seed: overCap });
  const tmp = useTempDir();

  it('is refused by the safety rules checked again on its own actions; nothing written', async () => {
    const planned = await sync(fx.emu, ['plan', '--out', PLAN], { env: jobEnv(), cwd: tmp.path });
    expect(planned.code).toBe(1);
    expect(planned.stdout + planned.stderr).toContain('maxDeletions');
    // Even someone holding the token cannot turn a blocked plan into an applicable one.
    await edit(tmp.path, (doc) => (doc.blocked = []), { key: fx.emu.token });

    const applied = await sync(fx.emu, ['apply', PLAN], { env: jobEnv(), cwd: tmp.path });
    expect(applied.code).toBe(1);
    expect(applied.stderr).toContain('apply refuses a blocked plan; nothing was written');
    expect(applied.stderr).toMatch(/maxDeletions: 12 deletions planned in organisation biocommons/);
    expect(writes(fx.emu)).toEqual([]);
    expectNothingShown(applied);
  });
});
