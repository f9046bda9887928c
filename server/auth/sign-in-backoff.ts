/**
 * Per-account exponential back-off after failed sign-ins, on top of the per-address rate limit:
 * however many addresses an attacker has, each account gets a few free attempts, then must wait
 * 1 s, 2 s, 4 s, … (capped at 15 minutes) after each further failure. A successful sign-in clears it;
 * so does a day without failures. The key is the e-mail address as typed (trimmed, lower-case), known
 * or not, so the answer does not tell which accounts exist.
 *
 * Kept in memory, like better-auth's rate limit: the app is one process on one SQLite file. The map
 * is bounded (oldest entries go first), so a flood of made-up addresses cannot exhaust memory.
 */
export interface BackoffPolicy {
  /** Failures allowed before the first wait. */
  freeFailures: number;
  /** The first wait; each further failure doubles it. */
  baseSeconds: number;
  /** The longest wait. */
  maxSeconds: number;
  /** Failures are forgotten this long after the last one. */
  forgetAfterSeconds: number;
  /** How many accounts are tracked at most. */
  maxEntries: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  freeFailures: 5,
  baseSeconds: 1,
  maxSeconds: 15 * 60,
  forgetAfterSeconds: 24 * 60 * 60,
  maxEntries: 10_000,
};

interface Entry {
  failures: number;
  lastFailureMs: number;
}

export function normalizeAccountKey(email: unknown): string | null {
  return typeof email === "string" && email.trim() ? email.trim().toLowerCase() : null;
}

export class SignInBackoff {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly policy: BackoffPolicy = DEFAULT_BACKOFF,
    private readonly now: () => number = Date.now,
  ) {}

  /** The wait after `failures` consecutive failures, in seconds (0 while they are free). */
  waitAfter(failures: number): number {
    const over = failures - this.policy.freeFailures;
    if (over < 0) return 0;
    return Math.min(this.policy.baseSeconds * 2 ** over, this.policy.maxSeconds);
  }

  private current(key: string): Entry | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (this.now() - entry.lastFailureMs >= this.policy.forgetAfterSeconds * 1000) {
      this.entries.delete(key);
      return null;
    }
    return entry;
  }

  /** Seconds until this account may try again (0: now). */
  retryAfter(key: string): number {
    const entry = this.current(key);
    if (!entry) return 0;
    const until = entry.lastFailureMs + this.waitAfter(entry.failures) * 1000;
    return Math.max(0, Math.ceil((until - this.now()) / 1000));
  }

  recordFailure(key: string): void {
    const failures = (this.current(key)?.failures ?? 0) + 1;
    this.entries.delete(key); // re-inserted last: the Map's order is least recently failed first
    this.entries.set(key, { failures, lastFailureMs: this.now() });
    while (this.entries.size > this.policy.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  recordSuccess(key: string): void {
    this.entries.delete(key);
  }

  /** How many accounts are tracked (for tests). */
  get size(): number {
    return this.entries.size;
  }
}
