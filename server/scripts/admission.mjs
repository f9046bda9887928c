/**
 * Admission control for the server (serve.mjs): at most `limit` requests are inside Next.js at once; the others
 * wait their turn in arrival order.
 *
 * Why: the app's work is synchronous JavaScript on one thread. A page passes through the event loop many times
 * (render the server components, stream them, render the HTML), and with 50 requests interleaved each of those
 * passes waits behind all the others: under 50 clients a page took 1.2 s at the median while it needs 15–45 ms of
 * CPU, and the tRPC calls next to it 0.25 s. Admitted a few at a time, every request waits about the same time in
 * the queue and then runs nearly alone: the same throughput, a latency that no longer depends on how many times a
 * request yields, and fewer half-done renders holding memory at once.
 *
 * What is queued: reads (GET and HEAD) of pages and of the API. What is not, so that no client can hold a slot
 * by being slow:
 * - requests with a body (tRPC mutations, sign-in, uploads): a slot would wait for the body as fast as the client
 *   sends it; writes are few and short, and they run at once;
 * - the long streaming transfers (a whole-registry export, a list export) and static files: they would hold a slot
 *   for seconds, or wait behind pages for nothing;
 * and a slot is given back as soon as the app has written its whole answer (`res.end`), not when the client has
 * read it (serve.mjs), so a client that reads slowly does not hold one either.
 */

/** Paths that skip the queue: static files, and the long streaming transfers. */
const BYPASS = [/^\/_next\/static\//, /^\/favicon\.ico$/, /^\/api\/registry\/(import|export)\b/, /^\/api\/export\//, /^\/api\/files\/upload\b/];

/** Whether a request waits its turn in the queue: a read (GET, HEAD) of anything but the paths of BYPASS. */
export function isQueued(method, pathname) {
  if (method !== "GET" && method !== "HEAD") return false;
  return !BYPASS.some((pattern) => pattern.test(pathname));
}

/**
 * A FIFO of at most `limit` active jobs. `run(job)` starts `job(release)` at once when a slot is free, else when one
 * is; the job calls `release` once when it is done (extra calls are ignored). `limit` ≤ 0 or not finite: no limit.
 * `maxQueued`: beyond that many waiting, `run` refuses (returns false) so the caller can answer 503.
 */
export function createAdmission(limit, maxQueued = Infinity) {
  const unlimited = !(limit > 0) || !Number.isFinite(limit);
  const waiting = [];
  let active = 0;
  let peakWaiting = 0;

  const start = (job) => {
    active++;
    let released = false;
    job(() => {
      if (released) return;
      released = true;
      active--;
      const next = waiting.shift();
      if (next) start(next);
    });
  };

  return {
    run(job) {
      if (unlimited || active < limit) {
        start(job);
        return true;
      }
      if (waiting.length >= maxQueued) return false;
      waiting.push(job);
      peakWaiting = Math.max(peakWaiting, waiting.length);
      return true;
    },
    get active() {
      return active;
    },
    get waiting() {
      return waiting.length;
    },
    get peakWaiting() {
      return peakWaiting;
    },
  };
}
