/** `createApiClient`: NOT BUILT YET (the API client issue builds it). */
import type { ApiClient } from './api-client.js';
import type { ApiClientOptions } from './client-options.js';
import { ApiError } from './errors.js';

export function createApiClient(options: ApiClientOptions): ApiClient {
  throw new ApiError(
    'network',
    'GET',
    '/',
    undefined,
    undefined,
    `API client not built yet (${options.endpoint})`,
  );
}
