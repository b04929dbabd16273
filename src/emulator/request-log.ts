/** The request log: one entry per request received, in arrival order. */

/** One request as the emulator saw it. `status` is 0 when the connection was dropped without a response. */
export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly status: number;
  /** The request changes state (any method but GET/HEAD/OPTIONS). */
  readonly write: boolean;
  /** The parsed JSON request body, when there was one (for contract tests). */
  readonly body?: unknown;
  /** The JSON response body exactly as sent, when there was one. */
  readonly responseBody?: unknown;
  /** The injected fault or limit that shaped this exchange, if any. */
  readonly fault?: 'rate-limit' | '5xx' | 'drop' | 'lost-response' | '429' | 'refused' | 'slow';
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];

  constructor(private readonly limit: number) {}

  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit * 2) this.entries = this.entries.slice(-this.limit);
  }

  /** The newest `limit` entries (or fewer). */
  list(): readonly RequestLogEntry[] {
    return this.entries.length > this.limit ? this.entries.slice(-this.limit) : [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
