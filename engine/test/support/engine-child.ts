import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const SCRIPT = join(import.meta.dirname, 'engine-process.ts');
const REPO_ROOT = join(dirname(SCRIPT), '..', '..', '..');

/**
 * How long a start may take, by progress rather than by the clock: on a
 * loaded machine a start is slow, not stuck, as long as the child keeps
 * printing its phases or using CPU.
 */
export interface StartBounds {
  /** Fails when the child neither printed a line nor used any CPU for this long. */
  stallMs: number;
  /** Fails when the child used this much CPU without becoming ready (a start needs a few seconds of it). */
  cpuMs: number;
  /** The last resort, for a system that gives the child no CPU at all. */
  wallMs: number;
}

const DEFAULT_BOUNDS: StartBounds = { stallMs: 60_000, cpuMs: 60_000, wallMs: 600_000 };
const CHECK_EVERY_MS = 500;
/** /proc reports CPU time in USER_HZ ticks, 100 per second on Linux. */
const MS_PER_TICK = 10;

/** The engine running in a child process that a test can kill -9 and start again. */
export class EngineChild {
  private child: ChildProcess | undefined;
  private output = '';

  constructor(
    private readonly databaseUrl: string,
    readonly address: string,
  ) {}

  /** Resolves on the child's own ENGINE_READY; rejects when it exits, stalls or spins first. */
  async start(bounds: StartBounds = DEFAULT_BOUNDS): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
      cwd: REPO_ROOT,
      env: { ...process.env, ENGINE_DATABASE_URL: this.databaseUrl, ENGINE_GATEWAY_ADDRESS: this.address },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.output = '';
    const startedAt = Date.now();
    let lastProgressAt = startedAt;
    let lastCpuMs = 0;
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const finish = (error?: Error) => {
        if (settled) return;
        settled = true;
        clearInterval(watch);
        child.off('exit', onExit);
        if (error) reject(error);
        else resolve();
      };
      const fail = (reason: string) => finish(new Error(`engine child ${reason}:\n${this.output}`));
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        lastProgressAt = Date.now();
        if (this.output.includes('ENGINE_READY')) finish();
      };
      const onExit = (code: number | null) => fail(`exited with ${code} before it was ready`);
      const watch = setInterval(() => {
        const now = Date.now();
        const cpuMs = child.pid === undefined ? undefined : cpuTimeMs(child.pid);
        if (cpuMs !== undefined && cpuMs > lastCpuMs) {
          lastCpuMs = cpuMs;
          lastProgressAt = now;
        }
        if (lastCpuMs > bounds.cpuMs) fail(`used ${lastCpuMs} ms of CPU without becoming ready`);
        else if (now - lastProgressAt > bounds.stallMs)
          fail(`made no progress (no output, no CPU) for ${bounds.stallMs} ms`);
        else if (now - startedAt > bounds.wallMs) fail(`was not ready after ${bounds.wallMs} ms`);
      }, CHECK_EVERY_MS);
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (chunk: Buffer) => {
        this.output += chunk.toString();
        lastProgressAt = Date.now();
      });
      child.once('exit', onExit);
    });
  }

  /** kill -9: no shutdown hook runs, nothing is flushed. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }
}

/** User + system CPU time of a process from /proc; undefined where there is no /proc. */
function cpuTimeMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is the first, utime the 12th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return undefined;
  }
}
