/**
 * What an executor returns or throws. Executors return an `Outcome` when the
 * action is done (or the person is pending), throw `ActionFailure` for a
 * failure they explain themselves, and let `ApiError`s propagate; the
 * scheduler turns all of them into report entries.
 */
export type Outcome =
  | { readonly status: 'applied'; readonly notes?: readonly string[] }
  | { readonly status: 'pending'; readonly email: string; readonly message: string };

export function applied(...notes: string[]): Outcome {
  return notes.length === 0 ? { status: 'applied' } : { status: 'applied', notes };
}

/** A failure with a complete, user-facing explanation (never a secret value). */
export class ActionFailure extends Error {
  override name = 'ActionFailure';
}

/** Thrown by the id registry when an action needs the id of an object that does not exist. */
export class MissingIdError extends Error {
  override name = 'MissingIdError';
  constructor(readonly address: string) {
    super(`no id is known for ${address}: it is not on the platform and this run did not create it`);
  }
}

/** Thrown when an action must not run, for a reason other than a failed dependency. */
export class SkipAction extends Error {
  override name = 'SkipAction';
  constructor(readonly because: string) {
    super(because);
  }
}
