/**
 * Validation of the API base URL: `https` is required except for a
 * loopback host (127.0.0.0/8, localhost, ::1), where plain `http` is allowed
 * (the emulator). The base URL may carry a path (`https://host/api` on
 * Enterprise). Credentials, a query or a fragment in the URL are refused.
 */
import { ApiError } from './errors.js';

export interface Endpoint {
  /** Normalised base URL without a trailing slash, e.g. `https://host/api`. */
  readonly baseUrl: string;
  readonly loopback: boolean;
}

/**
 * True only for literal loopback: `localhost`, 127.0.0.0/8 and `::1`. A name
 * under `.localhost` is not loopback here: only a resolver decides where it
 * goes, and a token must not travel in plain http on a guess.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4 !== null) return v4.slice(1).every((part) => Number(part) <= 255);
  // IPv4-mapped IPv6, dotted or as URL parsing normalises it (::ffff:7f00:1).
  return (
    /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host)
  );
}

function invalid(message: string): ApiError {
  return new ApiError('invalid-options', 'GET', '/', undefined, undefined, message);
}

/** Parses and checks the endpoint; throws `ApiError` (kind `invalid-options`) with a plain message. */
export function parseEndpoint(raw: string): Endpoint {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalid('the API endpoint is not a valid URL (expected e.g. https://api.cloud.seqera.io)');
  }
  if (url.username !== '' || url.password !== '') {
    throw invalid('the API endpoint must not contain credentials: the token comes from TOWER_ACCESS_TOKEN');
  }
  if (url.search !== '' || url.hash !== '') {
    throw invalid(`the API endpoint must not contain a query or fragment: ${url.origin}${url.pathname}`);
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol === 'http:' && !loopback) {
    throw invalid(
      `refusing plain http to ${url.host}: the token would travel unencrypted; use https (http is allowed only for loopback hosts such as 127.0.0.1)`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid(`the API endpoint must be an https URL, got '${url.protocol}'`);
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { baseUrl: `${url.origin}${path}`, loopback };
}
