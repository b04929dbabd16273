/**
 * Reading labels: only when the workspace file has the `labels` key, every
 * page of the list (`type=all`), mapped to live labels; the requests match
 * the count `expectedReadRequests` derives.
 */
import { describe, expect, it } from 'vitest';
import type { EmulatorSeed } from '../../../src/emulator/index.js';
import { expectedReadRequests, type LiveSizes } from '../../../src/state/request-count.js';
import { aDesiredOrg, aDesiredPipeline, aDesiredState, aDesiredWorkspace } from '../../helpers/builders.js';
import { useEmulator } from '../../helpers/emulator.js';
import { readLogged } from '../../helpers/logged-read.js';

const BOT = 'reader-bot@example.org';
const LABELS = 150;

const seed: EmulatorSeed = {
  users: [{ userName: 'reader-bot', email: BOT, token: 'reader-token-31c' }],
  orgs: [
    {
      name: 'tagged',
      members: [{ email: BOT, role: 'owner' }],
      workspaces: [
        {
          name: 'lab',
          participants: [{ email: BOT, role: 'owner' }],
          labels: [
            { name: 'run-id', value: '${workflowId}', resource: true },
            { name: 'project', value: 'ausgen', resource: true, isDefault: true },
            ...Array.from({ length: LABELS - 2 }, (_, i) => ({ name: `tag${String(i).padStart(3, '0')}` })),
          ],
        },
      ],
    },
  ],
};

const SIZES: LiveSizes = {
  tagged: {
    members: 1,
    teams: 0,
    teamMembers: {},
    workspaces: { lab: { participants: 1, computeEnvs: 0, pipelines: 0, labels: LABELS } },
  },
};

describe('reading workspace labels', () => {
  const fixture = useEmulator(() => ({ seed, logBodies: false }));
  const read = async (labels: boolean, pipelineLabels?: string[]) => {
    const pipelines =
      pipelineLabels === undefined ? {} : { pipelines: [aDesiredPipeline({ labels: pipelineLabels })] };
    const desired = aDesiredState(
      aDesiredOrg({
        name: 'tagged',
        workspaces: [aDesiredWorkspace({ name: 'lab', ...(labels ? { labels: [] } : {}), ...pipelines })],
      }),
    );
    const { actual, requests } = await readLogged(fixture.emu, desired);
    const expected = expectedReadRequests(desired, SIZES, { workspaceFilter: [] });
    return { ws: actual.orgs[0]?.workspaces.find((w) => w.name === 'lab'), requests, expected };
  };

  it('reads every page of the labels when the key is present, and maps them', async () => {
    const { ws, requests, expected } = await read(true);
    expect(ws?.labels).toHaveLength(LABELS);
    expect(ws?.labels?.find((l) => l.name === 'run-id')).toEqual({
      id: expect.any(Number) as number,
      name: 'run-id',
      value: '${workflowId}',
      resource: true,
      isDefault: false,
      dynamic: true,
    });
    expect(ws?.labels?.find((l) => l.name === 'tag000')).toEqual({
      id: expect.any(Number) as number,
      name: 'tag000',
      resource: false,
      isDefault: false,
    });
    expect(requests.filter((r) => r === 'GET /labels')).toHaveLength(2);
    expect(requests).toHaveLength(expected);
    expect(expected).toBe(5); // user-info, orgs, workspaces, two pages of labels
  });

  it('reads them once when a pipeline names labels the file does not declare, at the counted cost', async () => {
    const { ws, requests, expected } = await read(false, ['tag000', 'project=ausgen']);
    expect(ws?.labels).toHaveLength(LABELS);
    expect(requests.filter((r) => r === 'GET /labels')).toHaveLength(2);
    expect(requests).toHaveLength(expected);
  });

  it('does not read them when the key is absent', async () => {
    const { ws, requests, expected } = await read(false);
    expect(ws?.labels).toBeUndefined();
    expect(requests).not.toContain('GET /labels');
    expect(requests).toHaveLength(expected);
  });
});
