/**
 * A saved plan's precondition of a workspace's Studios settings: the one
 * object of the workspace (absent with the workspace; not verifiable when
 * the settings were not read).
 */
import { preconditionOf } from '../kit/precondition.js';

export const studiosPrecondition = preconditionOf('studiosSettings', {
  locate: ({ ws }) => (ws === undefined ? undefined : (ws.studios ?? null)),
});
