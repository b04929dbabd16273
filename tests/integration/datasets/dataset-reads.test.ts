/**
 * Reading datasets: only when the workspace file has the `datasets` key;
 * every page of the list and of the latest versions; a version's content
 * only where its file name and size are the declared file's. The requests
 * match the count `expectedReadRequests` derives from the same live sizes.
 */
import { describe, expect, it } from 'vitest';
import type { EmulatorSeed } from '../../../src/emulator/index.js';
import { latestFileSizeKey } from '../../../src/kinds/datasets/read.js';
import type { DesiredDataset } from '../../../src/kinds/datasets/model.js';
import { expectedReadRequests, type LiveSizes } from '../../../src/state/request-count.js';
import { aDesiredOrg, aDesiredState, aDesiredWorkspace, aSource } from '../../helpers/builders.js';
import { useEmulator } from '../../helpers/emulator.js';
import { readLogged } from '../../helpers/logged-read.js';

const BOT = 'reader-bot@example.org';
const SHEETS = 120;
const CONTENT = 'sample\nS1\n';

const seed: EmulatorSeed = {
  users: [{ userName: 'reader-bot', email: BOT, token: 'reader-token-9d2' }],
  orgs: [
    {
      name: 'sheets',
      members: [{ email: BOT, role: 'owner' }],
      workspaces: [
        {
          name: 'lab',
          participants: [{ email: BOT, role: 'owner' }],
          datasets: [
            { name: 'empty' },
            ...Array.from({ length: SHEETS - 1 }, (_, i) => ({
              name: `sheet${String(i).padStart(3, '0')}`,
              versions: [{ fileName: `s${String(i)}.csv`, content: CONTENT, header: true }],
            })),
          ],
        },
      ],
    },
  ],
};

function declared(name: string, file: string, size: number): DesiredDataset {
  return { name, file, header: true, size, sha256: 'x', path: `/nowhere/${file}`, source: aSource() };
}

describe('reading datasets', () => {
  const fixture = useEmulator(() => ({ seed, logBodies: false }));
  const read = async (datasets: readonly DesiredDataset[] | undefined) => {
    const desired = aDesiredState(
      aDesiredOrg({
        name: 'sheets',
        workspaces: [aDesiredWorkspace({ name: 'lab', ...(datasets === undefined ? {} : { datasets }) })],
      }),
    );
    const sizes: LiveSizes = {
      sheets: {
        members: 1,
        teams: 0,
        teamMembers: {},
        workspaces: {
          lab: {
            participants: 1,
            datasets: SHEETS,
            datasetVersions: SHEETS - 1,
            ...Object.fromEntries(
              Array.from({ length: SHEETS - 1 }, (_, i) => [
                latestFileSizeKey(`sheet${String(i).padStart(3, '0')}`, `s${String(i)}.csv`),
                CONTENT.length,
              ]),
            ),
          },
        },
      },
    };
    const { actual, requests } = await readLogged(fixture.emu, desired);
    const expected = expectedReadRequests(desired, sizes, { workspaceFilter: [] });
    return { ws: actual.orgs[0]?.workspaces.find((w) => w.name === 'lab'), requests, expected };
  };
  const downloads = (requests: readonly string[]) => requests.filter((r) => /\/v\/\d+\/n\//.test(r));

  it('lists every page, and downloads only the versions whose name and size match the declared file', async () => {
    const { ws, requests, expected } = await read([
      declared('sheet000', 's0.csv', CONTENT.length),
      declared('sheet001', 's1.csv', CONTENT.length + 1),
      declared('sheet002', 'other.csv', CONTENT.length),
      declared('empty', 'e.csv', 3),
    ]);
    expect(ws?.datasets).toHaveLength(SHEETS);
    expect(ws?.datasets?.find((d) => d.name === 'sheet000')?.latest).toEqual({
      version: 1,
      fileName: 's0.csv',
      size: CONTENT.length,
      header: true,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
    });
    expect(ws?.datasets?.find((d) => d.name === 'sheet001')?.latest?.sha256).toBeUndefined();
    expect(ws?.datasets?.find((d) => d.name === 'empty')?.latest).toBeUndefined();
    expect(downloads(requests)).toHaveLength(1);
    expect(requests.filter((r) => r === 'GET /datasets')).toHaveLength(2);
    expect(requests.filter((r) => r === 'GET /datasets/versions')).toHaveLength(2);
    expect(requests).toHaveLength(expected);
  });

  it('does not read them when the key is absent', async () => {
    const { ws, requests, expected } = await read(undefined);
    expect(ws?.datasets).toBeUndefined();
    expect(requests.some((r) => r.startsWith('GET /datasets'))).toBe(false);
    expect(requests).toHaveLength(expected);
  });
});
