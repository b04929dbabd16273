/**
 * The access review report as a value: one row per person × workspace with
 * the effective role and every source of it, person-level facts once per
 * person, per-workspace facts, and the changes since an earlier report. The
 * JSON format is this value as it is (`schemas/access-report.schema.json`);
 * the other formats are views of it.
 */

/** Version of the JSON document; changes whenever a reader would have to change. */
export const ACCESS_REPORT_FORMAT_VERSION = '1';

/** Where a person's access to a workspace comes from. */
export type SourceKind = 'direct' | 'team' | 'org owner';

export interface AccessSource {
  readonly kind: SourceKind;
  /** The team's name, for `team` sources. */
  readonly team?: string;
  /** The workspace role this source gives (`owner` for an org owner). */
  readonly role: string;
  /** True when the configuration grants this source. */
  readonly declared: boolean;
}

export type RowStatus = 'declared' | 'unmanaged';

export interface AccessRow {
  /** Lower-cased email. */
  readonly email: string;
  readonly workspace: string;
  /** The strongest role of the sources (unknown roles shown as they are). */
  readonly role: string;
  /** Sorted: org owner, direct, then teams by name. */
  readonly sources: readonly AccessSource[];
  /** `declared` when the configuration grants at least one source, else `unmanaged`. */
  readonly status: RowStatus;
  /** Declared in the configuration, but the person has no account on the platform yet. */
  readonly pending: boolean;
}

export interface PersonFacts {
  readonly email: string;
  /** owner | member | collaborator | a newer value as the platform sent it; `none` for pending people. */
  readonly orgRole: string;
  readonly pending: boolean;
  /** Rows of the person. */
  readonly workspaces: number;
}

export interface WorkspaceFacts {
  readonly name: string;
  readonly fullName: string;
  /** private | shared (as the platform sent it). */
  readonly visibility: string;
  /** Emails whose effective role is owner. */
  readonly owners: readonly string[];
  /** Emails whose effective role is admin. */
  readonly admins: readonly string[];
  /** Rows in the workspace (pending ones included). */
  readonly people: number;
  /** Teams that participate. */
  readonly teams: readonly string[];
  readonly unmanaged: number;
  readonly pending: number;
  /** True when the configuration has a file for the workspace. */
  readonly declared: boolean;
}

export type ChangeKind = 'granted' | 'revoked' | 'changed';

export interface AccessChange {
  readonly change: ChangeKind;
  readonly email: string;
  readonly workspace: string;
  /** The role before (absent for `granted`). */
  readonly from?: string;
  /** The role now (absent for `revoked`). */
  readonly to?: string;
  /** Sources that appeared (granted: all of them). */
  readonly sourcesAdded: readonly AccessSource[];
  /** Sources that went away (revoked: all of them). */
  readonly sourcesRemoved: readonly AccessSource[];
}

export interface ReportSummary {
  readonly people: number;
  readonly workspaces: number;
  /** Org owners (the token's user left out). */
  readonly owners: number;
  readonly rows: number;
  /** Sources the configuration does not declare. */
  readonly unmanagedGrants: number;
  readonly pending: number;
  /** Null without a previous report. */
  readonly changes: { readonly granted: number; readonly revoked: number; readonly changed: number } | null;
}

export interface AccessReport {
  readonly formatVersion: typeof ACCESS_REPORT_FORMAT_VERSION;
  readonly tool: 'seqera-sync';
  readonly generatedAt: string;
  readonly endpoint: string;
  readonly org: { readonly name: string; readonly fullName: string };
  /** The token's own user, left out of the rows (null when not found among the members). */
  readonly tokenUser: string | null;
  /** When the previous report was made (null without one). */
  readonly previousGeneratedAt: string | null;
  readonly summary: ReportSummary;
  /** Sorted by email. */
  readonly people: readonly PersonFacts[];
  /** Sorted by name. */
  readonly workspaces: readonly WorkspaceFacts[];
  /** Sorted by email, then workspace. */
  readonly rows: readonly AccessRow[];
  /** Sorted by email, workspace (empty without a previous report). */
  readonly changes: readonly AccessChange[];
}

/** `direct`, `team <name>` or `org owner`: how every format names a source. */
export function sourceLabel(source: AccessSource): string {
  return source.kind === 'team' ? `team ${source.team ?? ''}` : source.kind;
}
