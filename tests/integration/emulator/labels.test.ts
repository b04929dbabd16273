import { describe, expect, it } from 'vitest';
import { exampleIds, exampleSeed, MEMBER_TOKEN, useEmulator } from '../../helpers/emulator.js';

interface Label {
  readonly id: number;
  readonly name: string;
  readonly value: string | null;
  readonly resource: boolean;
  readonly isDefault: boolean;
  readonly isDynamic: boolean;
}

describe('emulator: labels', () => {
  const fx = useEmulator({ seed: exampleSeed() });
  const list = async (query: Record<string, string | number> = {}): Promise<Label[]> => {
    const { wsId } = await exampleIds(fx.api);
    return (await fx.api('GET', '/labels', { query: { workspaceId: wsId, ...query } })).body
      .labels as Label[];
  };
  const byName = async (name: string): Promise<Label> => {
    const found = (await list()).find((l) => l.name === name);
    if (found === undefined) throw new Error(`no label ${name}`);
    return found;
  };

  it('lists simple and resource labels, filtered by type and paged', async () => {
    expect((await list()).map((l) => [l.name, l.value, l.resource])).toEqual([
      ['genomics', null, false],
      ['cost-centre', 'ausgen', true],
    ]);
    expect((await list({ type: 'simple' })).map((l) => l.name)).toEqual(['genomics']);
    expect((await list({ type: 'resource' })).map((l) => l.name)).toEqual(['cost-centre']);
    const { wsId } = await exampleIds(fx.api);
    const page = await fx.api('GET', '/labels', { query: { workspaceId: wsId, max: 1, offset: 1 } });
    expect(page.body).toMatchObject({ totalSize: 2, labels: [{ name: 'cost-centre' }] });
    expect((await fx.api('GET', '/labels', { query: { workspaceId: wsId, type: 'odd' } })).status).toBe(400);
  });

  it('refuses to edit or delete a resource label in use; deleting a simple label detaches it', async () => {
    const { wsId } = await exampleIds(fx.api);
    const q = { workspaceId: wsId };
    const cost = await byName('cost-centre');
    const edit = await fx.api('PUT', `/labels/${cost.id}`, {
      query: q,
      body: { name: 'cost-centre', value: 'other', isDefault: false },
    });
    expect(edit.status).toBe(400);
    expect(edit.body.message).toBe("Resource label 'cost-centre' is in use and cannot be edited");
    expect((await fx.api('DELETE', `/labels/${cost.id}`, { query: q })).status).toBe(400);

    const genomics = await byName('genomics');
    expect((await fx.api('DELETE', `/labels/${genomics.id}`, { query: q })).status).toBe(204);
    const pipelines = (await fx.api('GET', '/pipelines', { query: { ...q, attributes: 'labels' } })).body
      .pipelines as { name: string; labels: unknown[] }[];
    expect(pipelines.find((p) => p.name === 'rnaseq')?.labels).toEqual([]);
  });

  it('keeps a dynamic value: its default flag changes, its value does not', async () => {
    const { wsId } = await exampleIds(fx.api);
    const q = { workspaceId: wsId };
    const created = await fx.api('POST', '/labels', {
      query: q,
      body: { name: 'run', value: '${workflowId}', resource: true, isDefault: false },
    });
    expect(created.status).toBe(200);
    expect((await byName('run')).isDynamic).toBe(true);
    const flag = await fx.api('PUT', `/labels/${created.body.id}`, {
      query: q,
      body: { name: 'run', value: '${workflowId}', isDefault: true },
    });
    expect(flag.status).toBe(200);
    expect(flag.body).toEqual({ id: created.body.id, name: 'run', value: '${workflowId}', isDefault: true });
    const value = await fx.api('PUT', `/labels/${created.body.id}`, {
      query: q,
      body: { name: 'run', value: 'fixed', isDefault: true },
    });
    expect(value.status).toBe(400);
    expect(value.body.message).toBe("The dynamic value of label 'run' cannot be changed");
  });

  it('adds, replaces and removes pipeline labels; an unknown id changes nothing; writes need maintain', async () => {
    const { wsId } = await exampleIds(fx.api);
    const q = { workspaceId: wsId };
    const rnaseqLabels = async (): Promise<string[]> => {
      const pipelines = (await fx.api('GET', '/pipelines', { query: { ...q, attributes: 'labels' } })).body
        .pipelines as { name: string; labels: { name: string }[] }[];
      return (pipelines.find((p) => p.name === 'rnaseq')?.labels ?? []).map((l) => l.name).sort();
    };
    const pipelineId = (
      (await fx.api('GET', '/pipelines', { query: q })).body.pipelines as {
        name: string;
        pipelineId: number;
      }[]
    ).find((p) => p.name === 'rnaseq')?.pipelineId;
    const cost = await byName('cost-centre');
    const genomics = await byName('genomics');
    const call = (verb: string, labelIds: number[], token?: string) =>
      fx.api('POST', `/pipelines/labels/${verb}`, {
        query: q,
        body: { pipelineIds: [pipelineId], labelIds },
        ...(token === undefined ? {} : { token }),
      });
    expect(await rnaseqLabels()).toEqual(['genomics']);
    expect((await call('add', [cost.id])).status).toBe(204);
    expect(await rnaseqLabels()).toEqual(['cost-centre', 'genomics']);
    expect((await call('remove', [genomics.id])).status).toBe(204);
    expect(await rnaseqLabels()).toEqual(['cost-centre']);
    expect((await call('apply', [genomics.id])).status).toBe(204);
    expect(await rnaseqLabels()).toEqual(['genomics']);
    expect((await call('apply', [genomics.id, 999_999])).status).toBe(404);
    expect((await call('apply', [], MEMBER_TOKEN)).status).toBe(403);
    expect(await rnaseqLabels()).toEqual(['genomics']);
    expect((await call('apply', [])).status).toBe(204);
    expect(await rnaseqLabels()).toEqual([]);
  });

  it('checks names, values and flags, and needs maintain to write', async () => {
    const { wsId } = await exampleIds(fx.api);
    const create = (body: Record<string, unknown>, token?: string) =>
      fx.api('POST', '/labels', {
        query: { workspaceId: wsId },
        body,
        ...(token === undefined ? {} : { token }),
      });
    expect((await create({ name: 'x', resource: false })).status).toBe(400);
    expect((await create({ name: 'bad--name', resource: false })).status).toBe(400);
    expect((await create({ name: 'res', resource: true })).body.message).toBe(
      'A resource label needs a value',
    );
    expect((await create({ name: 'simple', isDefault: true })).body.message).toBe(
      'Only a resource label can be a default label',
    );
    expect((await create({ name: 'genomics', value: 'v1', resource: true })).body.message).toBe(
      "A label named 'genomics' already exists in workspace 'ausgen'",
    );
    expect((await create({ name: 'fresh', resource: false }, MEMBER_TOKEN)).status).toBe(403);
  });
});
