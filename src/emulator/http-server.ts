/**
 * The HTTP side of the emulator: reads each request, applies the rate limit,
 * the injected fault and the latency, dispatches to a route, writes the JSON
 * answer (errors always as `ErrorResponse {message}`) and logs the exchange.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { authenticate } from './access.js';
import { Query } from './body.js';
import type { EmulatorEnv } from './env.js';
import type { FaultInjector, RateLimiter } from './faults.js';
import { badRequest, HttpError } from './http-error.js';
import type { Json } from './json.js';
import { multipartBoundary, parseUpload, type UploadedFile } from './multipart.js';
import type { RequestLog, RequestLogEntry } from './request-log.js';
import type { Router } from './router.js';

// A 10 MiB dataset upload with its multipart framing fits.
const MAX_BODY_BYTES = 10 * 1024 * 1024 + 64 * 1024;
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface ServerParts {
  readonly env: EmulatorEnv;
  readonly router: Router;
  readonly faults: FaultInjector;
  readonly rateLimiter: RateLimiter | undefined;
  readonly latencyMs: number;
  readonly log: RequestLog;
  readonly logBodies: boolean;
  readonly clock: () => number;
}

interface Outcome {
  readonly status: number;
  readonly body?: Json;
  readonly raw?: { readonly contentType: string; readonly data: Buffer };
  readonly headers?: Readonly<Record<string, string>>;
}

type ParsedBody =
  | { readonly ok: true; readonly value: unknown; readonly upload?: UploadedFile }
  | { readonly ok: false; readonly reason: string };

async function readBody(req: IncomingMessage): Promise<ParsedBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES)
      return {
        ok: false,
        reason: `Malformed JSON request body: request body larger than ${MAX_BODY_BYTES} bytes`,
      };
    chunks.push(buffer);
  }
  const boundary = multipartBoundary(req.headers['content-type']);
  if (boundary !== undefined) {
    try {
      return { ok: true, value: undefined, upload: parseUpload(Buffer.concat(chunks), boundary) };
    } catch (err) {
      return { ok: false, reason: err instanceof Error ? err.message : String(err) };
    }
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return {
      ok: false,
      reason: `Malformed JSON request body: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}

const sleep = (ms: number): Promise<void> =>
  ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();

function bearerKey(req: IncomingMessage): string {
  const header = req.headers.authorization ?? '';
  return /^Bearer\s+(\S+)/i.exec(header)?.[1] ?? '(no token)';
}

function dispatch(
  parts: ServerParts,
  req: IncomingMessage,
  url: URL,
  query: Query,
  body: ParsedBody,
  now: number,
): Outcome {
  const method = req.method ?? 'GET';
  try {
    const match = parts.router.match(method, url.pathname);
    if (match.kind === 'not-found') {
      throw new HttpError(404, `The emulator does not serve ${method} ${url.pathname}`);
    }
    if (match.kind === 'method-not-allowed') {
      throw new HttpError(
        405,
        `Method ${method} is not allowed on ${url.pathname} (allowed: ${match.allowed.join(', ')})`,
      );
    }
    const user = authenticate(parts.env.store, parts.env.settings, req.headers.authorization);
    if (!body.ok) throw badRequest(body.reason);
    const reply = match.route.handler({
      method,
      path: url.pathname,
      params: match.params,
      query,
      body: body.value,
      ...(body.upload === undefined ? {} : { upload: body.upload }),
      user,
      now,
      timestamp: new Date(now).toISOString(),
    });
    if (reply.raw !== undefined) return { status: reply.status, raw: reply.raw };
    return reply.body === undefined ? { status: reply.status } : { status: reply.status, body: reply.body };
  } catch (err) {
    if (err instanceof HttpError)
      return { status: err.status, body: { message: err.message }, headers: err.headers };
    const reason = err instanceof Error ? err.message : String(err);
    return { status: 500, body: { message: `Internal emulator error (a bug in the emulator): ${reason}` } };
  }
}

/** Creates the (not yet listening) server; `isStopped` silences answers after stop. */
export function createEmulatorServer(parts: ServerParts, isStopped: () => boolean): Server {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const arrived = parts.clock();
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = new Query(url.searchParams);
    const body = await readBody(req);
    const write = !READ_METHODS.has(method);
    const base: RequestLogEntry = {
      method,
      path: url.pathname,
      query: query.toRecord(),
      status: 0,
      write,
      ...(parts.logBodies && body.ok && body.value !== undefined ? { body: body.value } : {}),
    };
    const finish = (outcome: Outcome, fault?: RequestLogEntry['fault'], drop = false): void => {
      const text = outcome.body === undefined ? undefined : JSON.stringify(outcome.body);
      parts.log.add({
        ...base,
        status: outcome.status,
        ...(parts.logBodies && text !== undefined ? { responseBody: JSON.parse(text) as unknown } : {}),
        ...(fault === undefined ? {} : { fault }),
      });
      if (isStopped()) return;
      if (drop) {
        req.socket.destroy();
        return;
      }
      if (outcome.raw !== undefined) {
        res.writeHead(outcome.status, { 'content-type': outcome.raw.contentType, ...outcome.headers });
        res.end(outcome.raw.data);
        return;
      }
      res.writeHead(outcome.status, {
        ...(text === undefined ? {} : { 'content-type': 'application/json' }),
        ...outcome.headers,
      });
      res.end(text);
    };
    const retryAfter = parts.rateLimiter?.check(bearerKey(req), arrived);
    const fault = retryAfter === undefined ? parts.faults.next(write, method, url.pathname) : undefined;
    const held = fault?.kind === 'slow' ? fault.until?.() : undefined;
    await sleep(parts.latencyMs + (fault?.kind === 'slow' ? fault.ms : 0));
    if (held !== undefined) await held;
    if (retryAfter !== undefined) {
      finish(
        {
          status: 429,
          body: { message: `Too many requests: rate limit exceeded, retry after ${retryAfter}s` },
          headers: { 'retry-after': String(retryAfter) },
        },
        'rate-limit',
      );
      return;
    }
    switch (fault?.kind) {
      case 'drop':
        finish({ status: 0 }, 'drop', true);
        return;
      case '5xx':
        finish(
          { status: fault.status, body: { message: `Emulated ${fault.status} (injected fault)` } },
          '5xx',
        );
        return;
      case '429':
        finish(
          {
            status: 429,
            body: { message: 'Too many requests (injected fault)' },
            headers: { 'retry-after': '1' },
          },
          '429',
        );
        return;
      case 'lost-response': {
        const applied = dispatch(parts, req, url, query, body, parts.clock());
        if (fault.status === undefined) {
          finish(applied, 'lost-response', true);
          return;
        }
        finish(
          {
            status: fault.status,
            body: { message: `Emulated ${fault.status} after the request was applied` },
          },
          'lost-response',
        );
        return;
      }
      case 'slow':
        finish(dispatch(parts, req, url, query, body, parts.clock()), 'slow');
        return;
      case 'refuse':
        finish({ status: fault.status, body: { message: fault.message } }, 'refused');
        return;
      case undefined:
        finish(dispatch(parts, req, url, query, body, parts.clock()));
    }
  };
  return createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const reason = err instanceof Error ? err.message : String(err);
      if (!res.headersSent && !isStopped()) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `Internal emulator error (a bug in the emulator): ${reason}` }));
      }
    });
  });
}
