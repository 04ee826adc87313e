import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';

const SCRIPT = join(import.meta.dirname, 'engine-process.ts');
const REPO_ROOT = join(dirname(SCRIPT), '..', '..', '..');

/** The engine running in a child process that a test can kill -9 and start again. */
export class EngineChild {
  private child: ChildProcess | undefined;
  private output = '';

  constructor(
    private readonly databaseUrl: string,
    readonly address: string,
  ) {}

  async start(timeoutMs = 30_000): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
      cwd: REPO_ROOT,
      env: { ...process.env, ENGINE_DATABASE_URL: this.databaseUrl, ENGINE_GATEWAY_ADDRESS: this.address },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`engine child not ready:\n${this.output}`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        if (this.output.includes('ENGINE_READY')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`engine child exited with ${code}:\n${this.output}`));
      });
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
