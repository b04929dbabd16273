/**
 * Ids of live objects by address: those this run created (or adopted) first,
 * then the plan's `liveIds`. An address with neither throws `MissingIdError`,
 * which the scheduler reports as a skip when the action that should have
 * created it did not succeed.
 */
import { MissingIdError } from './outcome.js';

export class IdRegistry {
  private readonly created = new Map<string, string | number>();

  constructor(private readonly liveIds: Readonly<Record<string, string | number>>) {}

  record(address: string, id: string | number): void {
    this.created.set(address, id);
  }

  find(address: string): string | number | undefined {
    return this.created.get(address) ?? this.liveIds[address];
  }

  /** A numeric id (org, workspace, member, team, participant, pipeline, secret). */
  numeric(address: string): number {
    const id = this.find(address);
    if (id === undefined) throw new MissingIdError(address);
    const value = typeof id === 'number' ? id : Number(id);
    if (!Number.isSafeInteger(value)) throw new MissingIdError(address);
    return value;
  }

  /** A string id (credentials, compute environment). */
  text(address: string): string {
    const id = this.find(address);
    if (id === undefined) throw new MissingIdError(address);
    return String(id);
  }

  /** Ids this run created or adopted, by address (for the report and tests). */
  createdIds(): ReadonlyMap<string, string | number> {
    return this.created;
  }
}
