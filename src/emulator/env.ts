/** What every route module is built with: the state and the settings in force. */
import type { Json } from './json.js';
import type { Reply } from './router.js';
import type { EmulatorSettings } from './settings.js';
import type { Store } from './store.js';

export interface EmulatorEnv {
  readonly store: Store;
  readonly settings: EmulatorSettings;
}

export const ok = (body: Json): Reply => ({ status: 200, body });
export const noContent = (): Reply => ({ status: 204 });
