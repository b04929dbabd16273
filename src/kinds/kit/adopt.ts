/**
 * Idempotent creates: a POST (or PUT `…/add`) is never replayed
 * blindly. After an ambiguous failure (no response, 5xx) or a 409, the
 * collection is re-read and an existing object with the desired name is
 * adopted as if created; the caller then reconciles its fields. Without such
 * an object, an ambiguous failure is known not to have been applied and the
 * create is sent again (bounded); a 409 stands. Deletes are idempotent too: a 404
 * means the object is already gone.
 */
import { ApiError } from '../../api/errors.js';
import { applied, type Outcome } from './outcome.js';

export interface Created<T> {
  readonly value: T;
  /** Set when the object was found by re-reading instead of created by this call. */
  readonly adoptedNote?: string;
}

/** An error after which the object may exist anyway: ambiguous, or 409 (already there / replayed). */
export function mayHaveBeenCreated(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.ambiguous || error.status === 409);
}

export function adoptionNote(error: ApiError): string {
  const why = error.status === 409 ? 'a 409 conflict' : 'an ambiguous failure (the response was lost)';
  return `adopted the existing object after ${why}; no duplicate was created`;
}

/** Creates sent at most, per object (the first try and resends after a re-read showed nothing). */
export const CREATE_ATTEMPTS = 3;

export async function createOrAdopt<T>(
  create: () => Promise<T>,
  find: () => Promise<T | undefined>,
): Promise<Created<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { value: await create() };
    } catch (error) {
      if (!mayHaveBeenCreated(error)) throw error;
      const found = await find();
      if (found !== undefined) return { value: found, adoptedNote: adoptionNote(error) };
      // A 409 with nothing to adopt is a real conflict. After an ambiguous failure the
      // re-read proves the create did not happen, so sending it again cannot duplicate
      // (and names are unique: a late duplicate would answer 409 and be adopted).
      if (!error.ambiguous || attempt >= CREATE_ATTEMPTS) throw error;
    }
  }
}

/** A 404 on delete means the object is already gone: the goal is reached. */
export async function deleteTolerantOfGone(remove: () => Promise<void>): Promise<Outcome> {
  try {
    await remove();
    return applied();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return applied('it was already gone');
    throw error;
  }
}
