/**
 * Child processes of `npm run bench:app`: the production server (`next start`) and the anchor server, each
 * started detached (its own process group, like `setsid`) so that stopping it kills the whole group: killing
 * `next start` alone leaves its `next-server` child holding the port. Every group started here is remembered
 * and killed on exit, Ctrl-C or a crash (`killAllGroupsSync`). Also: a free loopback port, the users created
 * with `server/scripts/user-create.ts`, and a poller of the resident memory (VmRSS) of a process group.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { serveArgs } from "../server-heap.mjs";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { HttpClient } from "./http";

const ROOT = process.cwd();
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

const liveGroups = new Set<number>();

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

/** Kills every process group this benchmark started (synchronous: safe in an `exit` handler). */
export function killAllGroupsSync(): void {
  for (const pgid of liveGroups) signalGroup(pgid, "SIGKILL");
  liveGroups.clear();
}

/** Pids of the live processes whose process group is `pgid` (from /proc/<pid>/stat). */
export function groupPids(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid pgrp …: comm may contain spaces and parentheses, so split after the last ")".
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid && fields[0] !== "Z") pids.push(Number(entry));
    } catch {
      // exited while we looked
    }
  }
  return pids;
}

function rssKb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function commandName(pid: number): string {
  try {
    // next-server renames itself "next-server (v16.4.6)", which comm truncates: keep the name.
    return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim().replace(/\s*\(.*$/, "");
  } catch {
    return "?";
  }
}

export interface RssSample {
  totalKb: number;
  processes: { pid: number; name: string; kb: number }[];
}

export function sampleGroupRss(pgid: number): RssSample {
  const processes = groupPids(pgid).map((pid) => ({ pid, name: commandName(pid), kb: rssKb(pid) }));
  return { totalKb: processes.reduce((sum, p) => sum + p.kb, 0), processes };
}

/** Polls the RSS of a process group (the server and all its children) and keeps the peak per phase. */
export class RssPoller {
  private timer: NodeJS.Timeout | undefined;
  private phase = "start";
  readonly peaks = new Map<string, RssSample>();

  constructor(
    private pgid: number,
    private readonly intervalMs = 200,
  ) {}

  /** Polls another process group from now on (a restarted server); peaks recorded so far are kept. */
  retarget(pgid: number): void {
    this.pgid = pgid;
    this.phase = "start";
  }

  start(): void {
    this.timer = setInterval(() => this.poll(), this.intervalMs);
    this.timer.unref();
    this.poll();
  }

  setPhase(phase: string): void {
    this.poll();
    this.phase = phase;
    this.poll();
  }

  poll(): void {
    const sample = sampleGroupRss(this.pgid);
    const peak = this.peaks.get(this.phase);
    if (!peak || sample.totalKb > peak.totalKb) this.peaks.set(this.phase, sample);
  }

  stop(): void {
    this.poll();
    clearInterval(this.timer);
  }

  /** The highest sample over the given phases (all when omitted). */
  peak(phases?: string[]): RssSample | undefined {
    let best: RssSample | undefined;
    for (const [phase, sample] of this.peaks) {
      if (phases && !phases.includes(phase)) continue;
      if (!best || sample.totalKb > best.totalKb) best = sample;
    }
    return best;
  }
}

/** A port the kernel says is free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface Group {
  pid: number;
  child: ChildProcess;
  exited: () => boolean;
  stop: () => Promise<void>;
}

/** Starts `command args` detached (own process group) with output to `logFile`. */
export function startGroup(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string, stdoutPipe = false): Group {
  const log = fs.openSync(logFile, "a");
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ["ignore", stdoutPipe ? "pipe" : log, log] });
  fs.closeSync(log);
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  const pid = child.pid;
  liveGroups.add(pid);
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  return {
    pid,
    child,
    exited: () => exited,
    stop: async () => {
      signalGroup(pid, "SIGTERM");
      for (let i = 0; i < 50 && groupPids(pid).length > 0; i++) await sleep(100);
      if (groupPids(pid).length > 0) signalGroup(pid, "SIGKILL");
      for (let i = 0; i < 20 && groupPids(pid).length > 0; i++) await sleep(100);
      liveGroups.delete(pid);
    },
  };
}

export function tailOf(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

export interface NextServer {
  url: string;
  port: number;
  group: Group;
  logFile: string;
}

export interface NextServerOptions {
  distDir: string;
  dbPath: string;
  logFile: string;
  secret: string;
  readyTimeoutMs?: number;
}

/** `node server/scripts/serve.mjs -H 127.0.0.1 -p <free port>` on `dbPath`, production mode, demo off; waits until /sign-in answers. */
export async function startNextServer(options: NextServerOptions): Promise<NextServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: options.distDir,
    DATABASE_PATH: options.dbPath,
    TR_DEMO: "0",
    BETTER_AUTH_SECRET: options.secret,
    BETTER_AUTH_URL: url,
    PORT: String(port),
  };
  // The app's own production entry point (npm start / npm run serve): Next.js inside a plain Node HTTP server.
  const group = startGroup(process.execPath, serveArgs(process.cwd(), ["-H", "127.0.0.1", "-p", String(port)]), env, options.logFile);
  const probe = new HttpClient(url, 5_000, 2);
  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  try {
    while (Date.now() < deadline) {
      if (group.exited()) throw new Error(`next start exited before answering. Log:\n${tailOf(options.logFile)}`);
      const res = await probe.request("/sign-in");
      if (res.status === 200) return { url, port, group, logFile: options.logFile };
      await sleep(250);
    }
    throw new Error(`next start did not answer /sign-in within ${Math.round((options.readyTimeoutMs ?? 120_000) / 1000)} s. Log:\n${tailOf(options.logFile)}`);
  } catch (e) {
    await group.stop();
    throw e;
  } finally {
    probe.close();
  }
}

/** Creates a user with the project's own script (`npm run user:create`), password from TR_USER_PASSWORD. */
export function createUser(dbPath: string, user: { email: string; role: string; name: string }, password: string): void {
  const result = spawnSync(bin("tsx"), ["server/scripts/user-create.ts", "--email", user.email, "--role", user.role, "--name", user.name], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: dbPath, TR_USER_PASSWORD: password, TR_DEMO: "0" },
    encoding: "utf8",
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`user-create ${user.email} failed (exit ${result.status ?? result.signal}): ${result.stderr || result.stdout}`);
}
