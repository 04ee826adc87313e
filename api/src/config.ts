import { isAbsolute, resolve } from 'node:path';
import { isIP } from 'node:net';

/**
 * Configuration from environment variables, validated once at start. Parsing
 * is pure: it returns the configuration or every problem found, each naming
 * its variable, and touches no file (the secret key file is handled by the
 * launcher, see launcher/secret-key.ts).
 */
export interface Config {
  /** External PostgreSQL; unset means the embedded one. */
  databaseUrl: string | undefined;
  port: number;
  host: string;
  dataDir: string;
  /** Port of the embedded PostgreSQL (only used when databaseUrl is unset). */
  postgresPort: number;
  /** Seed the demo accounts. */
  demo: boolean;
  /** 32-byte key for personal data at rest; undefined = generate into dataDir (embedded only). */
  secretKey: Buffer | undefined;
  logLevel: LogLevel;
  trustProxy: boolean | number | string[];
  zeebeAddress: string | undefined;
  zeebeGatewayAddress: string | undefined;
  registriesUrl: string | undefined;
  /**
   * REGISTRIES_SANDBOX=1: the registries at REGISTRIES_URL are a sandbox (`onething registries`), so the
   * Studio may run dry runs against them. Without REGISTRIES_URL the launcher starts the sandbox itself.
   */
  registriesSandbox: boolean;
  /** Port of the sandbox registries; undefined = 4000 for `onething registries`, ephemeral inside `start`. */
  registriesPort: number | undefined;
  /** Address the sandbox registries listen on (loopback by default: they hold personal data and have no sign-in). */
  registriesHost: string;
  /** Enables the registries' fault-injection endpoints behind this token; unset = no admin endpoints. */
  registriesAdminToken: string | undefined;
  /** Engine history of instances ended longer ago than this many days is deleted; unset = kept. */
  historyRetentionDays: number | undefined;
  /** A Studio dry run without the designer's activity for this many days is cancelled (default 7). */
  dryRunIdleDays: number;
  /** Folder of `holidays-<year>.json` files put on top of the shipped working-day calendar; unset = shipped only. */
  holidaysDir: string | undefined;
  /** The embedded engine's maximum gRPC message / job batch size in bytes; undefined = its default (4 MB). */
  engineMaxMessageSize: number | undefined;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ConfigProblem {
  variable: string;
  message: string;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

export interface ConfigContext {
  repoRoot: string;
  /** Relative paths in variables are resolved against this (where the user ran the command). */
  cwd: string;
}

export function parseConfig(env: NodeJS.ProcessEnv, context: ConfigContext): ConfigResult {
  const problems: ConfigProblem[] = [];
  const problem = (variable: string, message: string) => problems.push({ variable, message });
  const value = (name: string) => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };

  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
    problem('DATABASE_URL', 'must be a postgres:// or postgresql:// URL');
  }

  const port = parsePort(value('PORT'), 3000);
  if (port === undefined) problem('PORT', 'must be an integer from 1 to 65535');
  const postgresPort = parsePort(value('ONETHING_POSTGRES_PORT'), 54329);
  if (postgresPort === undefined) problem('ONETHING_POSTGRES_PORT', 'must be an integer from 1 to 65535');

  const host = value('HOST') ?? 'localhost';

  const dataDirValue = value('ONETHING_DATA_DIR');
  const dataDir =
    dataDirValue === undefined ? resolve(context.repoRoot, '.data') : fromCwd(dataDirValue, context);
  const holidaysDirValue = value('ONETHING_HOLIDAYS_DIR');
  const holidaysDir = holidaysDirValue === undefined ? undefined : fromCwd(holidaysDirValue, context);

  const demoValue = value('ONETHING_DEMO');
  if (demoValue !== undefined && demoValue !== '0' && demoValue !== '1') {
    problem('ONETHING_DEMO', 'must be 1 (seed the demo accounts) or 0 (do not)');
  }
  // Demo accounts only on the embedded default, unless asked for explicitly.
  const demo = demoValue === undefined ? databaseUrl === undefined : demoValue === '1';

  const secretKeyValue = value('ONETHING_SECRET_KEY');
  let secretKey: Buffer | undefined;
  if (secretKeyValue !== undefined) {
    secretKey = parseSecretKey(secretKeyValue);
    if (secretKey === undefined) {
      problem(
        'ONETHING_SECRET_KEY',
        'must be 32 bytes, as 64 hex characters or base64 (openssl rand -base64 32)',
      );
    }
  } else if (databaseUrl !== undefined) {
    problem(
      'ONETHING_SECRET_KEY',
      'is required when DATABASE_URL is set (32 bytes, e.g. openssl rand -base64 32)',
    );
  }

  const logLevelValue = value('LOG_LEVEL') ?? 'info';
  const logLevel = LOG_LEVELS.find((level) => level === logLevelValue);
  if (logLevel === undefined) problem('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);

  const trustProxy = parseTrustProxy(value('TRUST_PROXY'));
  if (trustProxy === undefined) {
    problem(
      'TRUST_PROXY',
      'must be true, false, a hop count, or a comma-separated list of IP addresses/CIDR ranges',
    );
  }

  const zeebeAddress = value('ZEEBE_ADDRESS');
  if (zeebeAddress !== undefined && !isHostPort(zeebeAddress)) problem('ZEEBE_ADDRESS', 'must be host:port');
  const zeebeGatewayAddress = value('ZEEBE_GATEWAY_ADDRESS');
  if (zeebeGatewayAddress !== undefined && !isHostPort(zeebeGatewayAddress)) {
    problem('ZEEBE_GATEWAY_ADDRESS', 'must be host:port');
  }
  const registriesUrl = value('REGISTRIES_URL');
  if (registriesUrl !== undefined && !isHttpUrl(registriesUrl)) {
    problem('REGISTRIES_URL', 'must be an http:// or https:// URL');
  }

  const sandboxValue = value('REGISTRIES_SANDBOX');
  if (sandboxValue !== undefined && sandboxValue !== '0' && sandboxValue !== '1') {
    problem('REGISTRIES_SANDBOX', 'must be 1 (REGISTRIES_URL is a sandbox) or 0 (it is not)');
  }
  const registriesSandbox = sandboxValue === '1';

  const registriesPortValue = value('REGISTRIES_PORT');
  const registriesPort = registriesPortValue === undefined ? undefined : parsePort(registriesPortValue, 0);
  if (registriesPortValue !== undefined && registriesPort === undefined) {
    problem('REGISTRIES_PORT', 'must be an integer from 1 to 65535');
  }
  const registriesHost = value('REGISTRIES_HOST') ?? '127.0.0.1';
  const registriesAdminToken = value('REGISTRIES_ADMIN_TOKEN');
  if (registriesAdminToken !== undefined && registriesAdminToken.length < 16) {
    problem('REGISTRIES_ADMIN_TOKEN', 'must be at least 16 characters');
  }

  const retentionValue = value('ENGINE_HISTORY_RETENTION_DAYS');
  const historyRetentionDays =
    retentionValue !== undefined && /^\d{1,5}$/.test(retentionValue) && Number(retentionValue) > 0
      ? Number(retentionValue)
      : undefined;
  if (retentionValue !== undefined && historyRetentionDays === undefined) {
    problem('ENGINE_HISTORY_RETENTION_DAYS', 'must be a whole number of days from 1 to 99999');
  }

  const idleValue = value('STUDIO_DRY_RUN_IDLE_DAYS');
  const dryRunIdleDays =
    idleValue === undefined
      ? 7
      : /^\d{1,4}$/.test(idleValue) && Number(idleValue) > 0
        ? Number(idleValue)
        : undefined;
  if (dryRunIdleDays === undefined) {
    problem('STUDIO_DRY_RUN_IDLE_DAYS', 'must be a whole number of days from 1 to 9999');
  }

  const maxMessageValue = value('ENGINE_MAX_MESSAGE_SIZE');
  const engineMaxMessageSize = maxMessageValue === undefined ? undefined : parseByteSize(maxMessageValue);
  if (maxMessageValue !== undefined && engineMaxMessageSize === undefined) {
    problem(
      'ENGINE_MAX_MESSAGE_SIZE',
      'must be a size from 32KB to 128MB, e.g. 4MB, 512KB or 4194304 (bytes)',
    );
  }

  if (
    problems.length > 0 ||
    port === undefined ||
    postgresPort === undefined ||
    logLevel === undefined ||
    trustProxy === undefined ||
    dryRunIdleDays === undefined
  ) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    config: {
      databaseUrl,
      port,
      host,
      dataDir,
      postgresPort,
      demo,
      secretKey,
      logLevel,
      trustProxy,
      zeebeAddress,
      zeebeGatewayAddress,
      registriesUrl,
      registriesSandbox,
      registriesPort,
      registriesHost,
      registriesAdminToken,
      historyRetentionDays,
      dryRunIdleDays,
      holidaysDir,
      engineMaxMessageSize,
    },
  };
}

function fromCwd(path: string, context: ConfigContext): string {
  return isAbsolute(path) ? path : resolve(context.cwd, path);
}

export function formatConfigProblems(problems: readonly ConfigProblem[]): string {
  return ['Invalid configuration:', ...problems.map((p) => `  ${p.variable} ${p.message}`)].join('\n');
}

function parsePort(raw: string | undefined, fallback: number): number | undefined {
  if (raw === undefined) return fallback;
  if (!/^\d{1,5}$/.test(raw)) return undefined;
  const port = Number(raw);
  return port >= 1 && port <= 65535 ? port : undefined;
}

function parseSecretKey(raw: string): Buffer | undefined {
  if (/^[0-9a-fA-F]{64}$/.test(raw)) return Buffer.from(raw, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(raw)) {
    const key = Buffer.from(raw, raw.includes('-') || raw.includes('_') ? 'base64url' : 'base64');
    return key.length === 32 ? key : undefined;
  }
  return undefined;
}

function parseTrustProxy(raw: string | undefined): boolean | number | string[] | undefined {
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const entries = raw.split(',').map((entry) => entry.trim());
  const valid = entries.every((entry) => {
    const [address, bits, ...rest] = entry.split('/');
    if (address === undefined || rest.length > 0) return false;
    const family = isIP(address);
    if (family === 0) return false;
    if (bits === undefined) return true;
    const max = family === 4 ? 32 : 128;
    return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
  });
  return valid ? entries : undefined;
}

function isPostgresUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function isHttpUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function isHostPort(raw: string): boolean {
  const match = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(raw);
  return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 65535;
}

/** `4MB`, `512KB` (binary units, as Zeebe's own setting) or plain bytes, from 32 KB to 128 MB. */
function parseByteSize(raw: string): number | undefined {
  const match = /^(\d{1,9})\s*(KB|MB)?$/i.exec(raw);
  if (!match?.[1]) return undefined;
  const unit = match[2]?.toUpperCase();
  const bytes = Number(match[1]) * (unit === 'MB' ? 1024 * 1024 : unit === 'KB' ? 1024 : 1);
  return bytes >= 32 * 1024 && bytes <= 128 * 1024 * 1024 ? bytes : undefined;
}
