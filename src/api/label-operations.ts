/** Workspace labels (`/labels?workspaceId=`): simple and resource labels. */
import { contextOf, type OperationsContext } from './call-helpers.js';
import { paginate } from './paginate.js';
import { segment } from './request-path.js';
import { Fields } from './response-shape.js';
import { opt } from './decoders/optional.js';

// ── Wire types (OpenAPI schemas, Seqera API 1.187.0) ──

export interface LabelDbDto {
  id: number;
  name: string;
  value?: string | null;
  resource?: boolean;
  isDefault?: boolean;
  /** The value is filled in per run (`${workflowId}`, ...). */
  isDynamic?: boolean;
}

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

// ── Tolerant decoders (response-shape.ts: what the platform really sends) ──

/**
 * Labels (LabelDbDto): the workspace's list (`GET /labels`), the answer of a
 * create (CreateLabelResponse), and the labels attached to a CE or a
 * pipeline (`attributes=labels`). Older platforms send no `isDefault`;
 * simple labels carry `value: null`.
 */
export function decodeLabel(f: Fields): LabelDbDto {
  return {
    id: f.number('id'),
    name: f.string('name'),
    ...opt('value', f.optString('value')),
    ...opt('resource', f.optBoolean('resource')),
    ...opt('isDefault', f.optBoolean('isDefault')),
    ...opt('isDynamic', f.optBoolean('isDynamic')),
  };
}

// ── Client methods ──

/** The client's label methods (part of `ApiClient`). */
export interface LabelOperations {
  /** Paged; every label of the workspace (`type=all`: simple and resource). */
  listLabels(workspaceId: number): Promise<LabelDbDto[]>;
  /** Returns the label; an existing label with the same name and value is answered instead of a new one. */
  createLabel(workspaceId: number, body: CreateLabelRequest): Promise<LabelDbDto>;
  updateLabel(workspaceId: number, labelId: number, body: UpdateLabelRequest): Promise<void>;
  deleteLabel(workspaceId: number, labelId: number): Promise<void>;
}

export function labelOperations({ transport: t, pageSize }: OperationsContext): LabelOperations {
  const label = (labelId: number): string => `/labels/${segment(labelId)}`;
  return {
    listLabels: (workspaceId) =>
      paginate(t, '/labels', { workspaceId, type: 'all' }, 'labels', decodeLabel, pageSize),
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
      await t.call({ method: 'PUT', path: label(labelId), query: { workspaceId }, body });
    },
    async deleteLabel(workspaceId, labelId) {
      await t.call({ method: 'DELETE', path: label(labelId), query: { workspaceId } });
    },
  };
}
