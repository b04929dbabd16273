/**
 * "This email has no account yet": the platform refuses to add a
 * person who never signed in, with a 404, or a 400 whose message says the
 * user was not found or that only an invitation could be sent. Such a person
 * is reported as pending (a warning), not as a failure.
 */
import { ApiError } from '../../api/errors.js';

const NOT_REGISTERED =
  /not found|no such user|unknown user|not (?:a )?registered|does not exist|doesn't exist|invit|never signed/i;

export function isUnregisteredUserError(error: unknown): error is ApiError {
  if (!(error instanceof ApiError)) return false;
  if (error.status === 404) return true;
  if (error.status !== 400) return false;
  return NOT_REGISTERED.test(error.platformMessage ?? '');
}

export function pendingMessage(email: string, error: ApiError): string {
  const detail = error.platformMessage === undefined ? '' : ` (${error.platformMessage})`;
  return `${email} has no account on the platform yet${detail}; the next plan adds them again once they have signed in`;
}
