/**
 * Readiness checks: each part that the api depends on (database now; the
 * engine and registries later) registers one, and `GET /ready` runs them all.
 */
export type ReadyCheck = { ok: true } | { ok: false; reason: string };
export type ReadinessCheck = () => Promise<ReadyCheck>;

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, ReadyCheck>;
}

const CHECK_TIMEOUT_MS = 2_000;

export class Readiness {
  readonly #checks = new Map<string, ReadinessCheck>();

  register(name: string, check: ReadinessCheck): void {
    if (this.#checks.has(name)) throw new Error(`A readiness check named ${name} is already registered`);
    this.#checks.set(name, check);
  }

  async run(): Promise<ReadinessReport> {
    const entries = await Promise.all(
      [...this.#checks].map(async ([name, check]) => [name, await runWithTimeout(check)] as const),
    );
    return { ready: entries.every(([, result]) => result.ok), checks: Object.fromEntries(entries) };
  }
}

async function runWithTimeout(check: ReadinessCheck): Promise<ReadyCheck> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ReadyCheck>((done) => {
    timer = setTimeout(
      () => done({ ok: false, reason: `no answer within ${CHECK_TIMEOUT_MS} ms` }),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([
      check().catch((error: unknown): ReadyCheck => ({
        ok: false,
        reason: error instanceof Error ? error.message : String(error),
      })),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
