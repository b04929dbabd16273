/**
 * Workspace labels on the platform (`/labels?workspaceId=`): the request
 * shapes, the list (simple and resource labels), the writes, and a listed
 * label → the live label. The label's wire shape and decoder are in
 * `src/api/decoders/label.ts`, shared with the kinds that carry labels.
 * The endpoints are `operations` values (`src/api/operations.ts`): callers
 * bind them with `client.use(labelReads)`, `client.use(labelWrites)`.
 */
import { contextOf, type OperationsContext } from '../../api/call-helpers.js';
import { decodeLabel, type LabelDbDto } from '../../api/decoders/label.js';
import { operations } from '../../api/operations.js';
import { paginate } from '../../api/paginate.js';
import { segment } from '../../api/request-path.js';
import { Fields } from '../../api/response-shape.js';
import type { ActualLabel } from './model.js';

// ── Wire types (OpenAPI schemas, Seqera API 1.187.0) ──

/** CreateLabelRequest; `value` only for resource labels. */
export interface CreateLabelRequest {
  name: string;
  value?: string;
  resource: boolean;
  isDefault: boolean;
}

/** UpdateLabelRequest (the `resource` flag cannot change). */
export interface UpdateLabelRequest {
  name: string;
  value?: string;
  isDefault: boolean;
}

// ── Endpoints ──

export interface LabelReads {
  /** Paged; every label of the workspace (`type=all`: simple and resource). */
  listLabels(workspaceId: number): Promise<LabelDbDto[]>;
}

const labelPath = (labelId: number): string => `/labels/${segment(labelId)}`;

export const labelReads = operations(
  'labels (reads)',
  ({ transport: t, pageSize }: OperationsContext): LabelReads => ({
    listLabels: (workspaceId) =>
      paginate(t, '/labels', { workspaceId, type: 'all' }, 'labels', decodeLabel, pageSize),
  }),
);

export interface LabelWrites {
  /** Returns the label; an existing label with the same name and value is answered instead of a new one. */
  createLabel(workspaceId: number, body: CreateLabelRequest): Promise<LabelDbDto>;
  updateLabel(workspaceId: number, labelId: number, body: UpdateLabelRequest): Promise<void>;
  deleteLabel(workspaceId: number, labelId: number): Promise<void>;
}

export const labelWrites = operations(
  'labels (writes)',
  ({ transport: t }: OperationsContext): LabelWrites => {
    return {
      async createLabel(workspaceId, body) {
        // The platform answers an existing name/value with the existing label, so a resend cannot duplicate.
        const result = await t.call({
          method: 'POST',
          path: '/labels',
          query: { workspaceId },
          body,
          replaySafe: true,
        });
        return decodeLabel(Fields.body(result.body, contextOf(result)));
      },
      async updateLabel(workspaceId, labelId, body) {
        await t.call({ method: 'PUT', path: labelPath(labelId), query: { workspaceId }, body });
      },
      async deleteLabel(workspaceId, labelId) {
        await t.call({ method: 'DELETE', path: labelPath(labelId), query: { workspaceId } });
      },
    };
  },
);

// ── Listed → live ──

/** A workspace label as listed (LabelDbDto) → the live label. */
export function mapLabel(dto: LabelDbDto): ActualLabel {
  const resource = dto.resource === true;
  const value = dto.value ?? undefined;
  return {
    id: dto.id,
    name: dto.name,
    ...(value === undefined || value === '' ? {} : { value }),
    resource,
    isDefault: dto.isDefault === true,
    ...(dto.isDynamic === true ? { dynamic: true as const } : {}),
  };
}
