import { describe, expect, it } from "vitest";
import { createAdmission, isQueued } from "./admission.mjs";

describe("admission control (serve.mjs)", () => {
  it("runs at most `limit` jobs at once and starts the waiting ones in arrival order", () => {
    const admission = createAdmission(2);
    const started: string[] = [];
    const releases = new Map<string, () => void>();
    for (const name of ["a", "b", "c", "d", "e"]) {
      admission.run((release) => {
        started.push(name);
        releases.set(name, release);
      });
    }
    expect(started).toEqual(["a", "b"]);
    expect([admission.active, admission.waiting]).toEqual([2, 3]);
    releases.get("b")!();
    expect(started).toEqual(["a", "b", "c"]);
    releases.get("a")!();
    expect(started).toEqual(["a", "b", "c", "d"]);
    expect([admission.active, admission.waiting, admission.peakWaiting]).toEqual([2, 1, 3]);
  });

  it("ignores a second release of the same job (a response's finish and close)", () => {
    const admission = createAdmission(1);
    const started: string[] = [];
    let releaseA = () => {};
    admission.run((release) => {
      started.push("a");
      releaseA = release;
    });
    admission.run(() => started.push("b"));
    admission.run(() => started.push("c"));
    releaseA();
    releaseA();
    expect(started).toEqual(["a", "b"]);
    expect(admission.active).toBe(1);
  });

  it("refuses beyond maxQueued waiting, so the caller can answer 503", () => {
    const admission = createAdmission(1, 2);
    expect([admission.run(() => {}), admission.run(() => {}), admission.run(() => {}), admission.run(() => {})]).toEqual([true, true, true, false]);
  });

  it("has no limit at 0", () => {
    const admission = createAdmission(0);
    let started = 0;
    for (let i = 0; i < 100; i++) admission.run(() => started++);
    expect(started).toBe(100);
  });

  it("queues the reads of pages and of the API; requests with a body, static files and the long streaming transfers go at once", () => {
    for (const p of ["/", "/transfers", "/transfers/t-1?asOf=2025-01-01", "/api/trpc/transfer.list", "/api/auth/get-session", "/api/files/stored/x"]) {
      expect(isQueued("GET", p), p).toBe(true);
      expect(isQueued("HEAD", p), p).toBe(true);
    }
    // A body arrives as fast as the client sends it: no slot waits for it.
    for (const m of ["POST", "PUT", "PATCH", "DELETE"]) expect(isQueued(m, "/api/trpc/transfer.update"), m).toBe(false);
    expect(isQueued("POST", "/api/auth/sign-in/email")).toBe(false);
    for (const p of ["/_next/static/chunks/main.js", "/api/registry/export", "/api/export/transfers", "/favicon.ico"]) {
      expect(isQueued("GET", p), p).toBe(false);
    }
    expect(isQueued("GET", "/api/registry-x")).toBe(true);
  });
});
