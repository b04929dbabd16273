/**
 * Pipeline secrets on the platform (`/pipeline-secrets?workspaceId=`): names
 * only (values are never returned), the list and the writes.
 * The kind's endpoints are `operations` values (`src/api/operations.ts`):
 * callers bind them with `client.use(...)`.
 */
import { contextOf, expectNumberId } from '../../api/call-helpers.js';
import { segment } from '../../api/request-path.js';
import { decodeList, type Fields } from '../../api/response-shape.js';
import { operations } from '../../api/operations.js';
import type { OperationsContext } from '../../api/call-helpers.js';

export interface PipelineSecret {
  id: number;
  name: string;
  dateCreated?: string;
  lastUpdated?: string;
}

/** Pipeline secrets (PipelineSecret): names only, values are never returned. */
export function decodePipelineSecret(f: Fields): PipelineSecret {
  return { id: f.number('id'), name: f.string('name') };
}

export interface PipelineSecretReads {
  /** Not paged by the API. */
  listPipelineSecrets(workspaceId: number): Promise<PipelineSecret[]>;
}

const secretPath = (id: number): string => `/pipeline-secrets/${segment(id)}`;

/** The pipeline secrets kind's own read endpoints. */
export const pipelineSecretReads = operations(
  'pipeline secrets (reads)',
  ({ transport: t }: OperationsContext): PipelineSecretReads => {
    return {
      async listPipelineSecrets(workspaceId) {
        const result = await t.call({ method: 'GET', path: '/pipeline-secrets', query: { workspaceId } });
        return decodeList(result.body, 'pipelineSecrets', contextOf(result), decodePipelineSecret);
      },
    };
  },
);

export interface PipelineSecretWrites {
  /** Returns the new secret id. */
  createPipelineSecret(workspaceId: number, name: string, value: string): Promise<number>;
  updatePipelineSecret(workspaceId: number, secretId: number, value: string): Promise<void>;
  deletePipelineSecret(workspaceId: number, secretId: number): Promise<void>;
}

/** The pipeline secrets kind's own write endpoints. */
export const pipelineSecretWrites = operations(
  'pipeline secrets (writes)',
  ({ transport: t }: OperationsContext): PipelineSecretWrites => {
    return {
      async createPipelineSecret(workspaceId, name, value) {
        const result = await t.call({
          method: 'POST',
          path: '/pipeline-secrets',
          query: { workspaceId },
          body: { name, value },
        });
        return expectNumberId(result, 'secretId');
      },
      async updatePipelineSecret(workspaceId, secretId, value) {
        await t.call({ method: 'PUT', path: secretPath(secretId), query: { workspaceId }, body: { value } });
      },
      async deletePipelineSecret(workspaceId, secretId) {
        await t.call({ method: 'DELETE', path: secretPath(secretId), query: { workspaceId } });
      },
    };
  },
);
