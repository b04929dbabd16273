/**
 * The value an export produces before anything is written: the files (as
 * the written YAML shapes of `src/formats/written.ts`), the `${VAR}`s they
 * reference, and what the user must know (items left out, credentials that
 * will record a keys fingerprint). It never holds a secret value.
 */
import type { ApiClient } from '../../api/api-client.js';
import type { WrittenOrganization, WrittenWorkspace } from '../../formats/written.js';

/** A variable the exported files reference, for one secret field. */
export interface ExportVariable {
  readonly name: string;
  /** The resource's address (src/model/address.ts), e.g. `biocommons/ausgen/credentials/aws-main`. */
  readonly address: string;
  /** The field it fills: `keys.secretKey`, or `value` for a pipeline secret. */
  readonly field: string;
}

/**
 * A file written beside the configuration files (a dataset's content): its
 * path under the organisation folder, as safe segments, and how its text
 * is read once the model is built.
 */
export interface ExportAttachment {
  readonly path: readonly string[];
  readonly read: (client: ApiClient) => Promise<string>;
}

export type ExportedFile =
  | { readonly kind: 'organization'; readonly name: 'organization'; readonly content: WrittenOrganization }
  | { readonly kind: 'workspace'; readonly name: string; readonly content: WrittenWorkspace };

export interface ExportModel {
  readonly org: string;
  /** The organisation file first (when exported), then workspaces by name. */
  readonly files: readonly ExportedFile[];
  /** In allocation order: workspaces by name, credentials (by name, then field) before secrets (by name). */
  readonly variables: readonly ExportVariable[];
  /**
   * Credentials with secret fields whose live description carries no keys
   * fingerprint: once their variables are set, the next plan updates each
   * once to record one.
   */
  readonly unfingerprinted: readonly string[];
  /** Items left out or trimmed, and what to check by hand. Never a secret value. */
  readonly warnings: readonly string[];
  /** Files written beside the configuration files, in the order the items were mapped. */
  readonly attachments: readonly ExportAttachment[];
}

/** Collects variables, notes and warnings while mapping. */
export interface ExportSink {
  readonly variables: ExportVariable[];
  readonly unfingerprinted: string[];
  readonly warnings: string[];
  readonly attachments: ExportAttachment[];
}

export function newSink(): ExportSink {
  return { variables: [], unfingerprinted: [], warnings: [], attachments: [] };
}
