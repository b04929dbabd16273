/**
 * The planner's private accumulator. Each per-kind planner appends actions,
 * drift, notes and blocks here; `compute-plan.ts` then sorts everything into
 * the immutable `Plan`. Local mutable state only: inputs are never touched.
 */
import type { BlockedRule, PlanAction, PlanNote, UnmanagedItem } from '../../model/plan.js';

/** One deletion counted by the safety caps: a delete action or an org-member cascade entry. */
export interface DeletionRecord {
  readonly org: string;
  /** Collection identity, e.g. `biocommons/members`, `biocommons/ausgen/participants`. */
  readonly collection: string;
  readonly address: string;
}

export class PlanCollector {
  readonly unmanaged: UnmanagedItem[] = [];
  readonly notes: PlanNote[] = [];
  readonly blocked: BlockedRule[] = [];
  readonly liveIds = new Map<string, string | number>();
  readonly deletions: DeletionRecord[] = [];
  /** Live size per collection identity (for `maxDeletionRatio`). */
  readonly collectionSizes = new Map<string, number>();
  private readonly byAddress = new Map<string, PlanAction>();

  get actions(): readonly PlanAction[] {
    return [...this.byAddress.values()];
  }

  /** Adds an action; a second action at the same address is a planner bug. */
  add(action: PlanAction): void {
    if (this.byAddress.has(action.address)) throw new Error(`planner bug: two actions at ${action.address}`);
    this.byAddress.set(action.address, action);
  }

  /** Replaces the action at the same address (used to complete dependencies once later kinds are planned). */
  replace(action: PlanAction): void {
    this.byAddress.set(action.address, action);
  }

  get(address: string): PlanAction | undefined {
    return this.byAddress.get(address);
  }

  /** `[address]` when an action of one of `types` is planned there, else `[]`: a ready-made `dependsOn` entry. */
  dependencyOn(address: string, types: readonly PlanAction['type'][] = ['create', 'replace']): string[] {
    const action = this.byAddress.get(address);
    return action !== undefined && types.includes(action.type) ? [address] : [];
  }

  note(message: string, address?: string): void {
    this.notes.push(address === undefined ? { message } : { address, message });
  }

  block(entry: BlockedRule): void {
    this.blocked.push(entry);
  }

  drift(item: UnmanagedItem): void {
    this.unmanaged.push(item);
  }

  liveId(address: string, id: string | number): void {
    this.liveIds.set(address, id);
  }

  collectionSize(collection: string, size: number): void {
    this.collectionSizes.set(collection, size);
  }

  deletion(record: DeletionRecord): void {
    this.deletions.push(record);
  }
}
