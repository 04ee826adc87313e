import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';

const context = { repoRoot: '/repo', cwd: '/somewhere' };
const KEY_HEX = 'ab'.repeat(32);

describe('parseConfig', () => {
  it('runs on embedded defaults with no variables', () => {
    const result = parseConfig({}, context);
    expect(result).toEqual({
      ok: true,
      config: expect.objectContaining({
        databaseUrl: undefined,
        port: 3000,
        host: 'localhost',
        dataDir: '/repo/.data',
        demo: true,
        secretKey: undefined,
        logLevel: 'info',
        trustProxy: false,
      }),
    });
  });

  it('does not seed demo accounts on an external database unless asked', () => {
    const external = { DATABASE_URL: 'postgres://u:p@db:5432/onething', ONETHING_SECRET_KEY: KEY_HEX };
    expect(parseConfig(external, context)).toMatchObject({ ok: true, config: { demo: false } });
    expect(parseConfig({ ...external, ONETHING_DEMO: '1' }, context)).toMatchObject({
      ok: true,
      config: { demo: true },
    });
  });

  it('requires the secret key when DATABASE_URL is set', () => {
    const result = parseConfig({ DATABASE_URL: 'postgres://u:p@db/onething' }, context);
    expect(result).toEqual({
      ok: false,
      problems: [{ variable: 'ONETHING_SECRET_KEY', message: expect.stringContaining('required') }],
    });
  });

  it('accepts the secret key as hex or base64 of exactly 32 bytes', () => {
    const base64 = Buffer.alloc(32, 7).toString('base64');
    expect(parseConfig({ ONETHING_SECRET_KEY: KEY_HEX }, context)).toMatchObject({ ok: true });
    const parsed = parseConfig({ ONETHING_SECRET_KEY: base64 }, context);
    expect(parsed.ok && parsed.config.secretKey?.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(parseConfig({ ONETHING_SECRET_KEY: 'short' }, context)).toMatchObject({
      ok: false,
      problems: [{ variable: 'ONETHING_SECRET_KEY' }],
    });
  });

  it('names every bad variable', () => {
    const result = parseConfig(
      {
        DATABASE_URL: 'mysql://db',
        PORT: '70000',
        LOG_LEVEL: 'loud',
        TRUST_PROXY: 'yes please',
        ONETHING_DEMO: 'maybe',
        ZEEBE_ADDRESS: 'no-port',
        ZEEBE_GATEWAY_ADDRESS: 'host:99999',
        REGISTRIES_URL: 'ftp://registries',
        REGISTRIES_PORT: '0',
        REGISTRIES_ADMIN_TOKEN: 'short',
        ENGINE_HISTORY_RETENTION_DAYS: '0',
        STUDIO_DRY_RUN_IDLE_DAYS: '0',
        ENGINE_MAX_MESSAGE_SIZE: '4GB',
        ONETHING_POSTGRES_PORT: 'x',
        ONETHING_SECRET_KEY: KEY_HEX,
      },
      context,
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((problem) => problem.variable).sort()).toEqual(
      [
        'DATABASE_URL',
        'ENGINE_HISTORY_RETENTION_DAYS',
        'ENGINE_MAX_MESSAGE_SIZE',
        'LOG_LEVEL',
        'ONETHING_DEMO',
        'ONETHING_POSTGRES_PORT',
        'PORT',
        'REGISTRIES_ADMIN_TOKEN',
        'REGISTRIES_PORT',
        'REGISTRIES_URL',
        'STUDIO_DRY_RUN_IDLE_DAYS',
        'TRUST_PROXY',
        'ZEEBE_ADDRESS',
        'ZEEBE_GATEWAY_ADDRESS',
      ].sort(),
    );
  });

  it('expires idle Studio dry runs after 7 days unless another number of days is set', () => {
    expect(parseConfig({}, context)).toMatchObject({ ok: true, config: { dryRunIdleDays: 7 } });
    expect(parseConfig({ STUDIO_DRY_RUN_IDLE_DAYS: '30' }, context)).toMatchObject({
      ok: true,
      config: { dryRunIdleDays: 30 },
    });
    expect(parseConfig({ STUDIO_DRY_RUN_IDLE_DAYS: '1.5' }, context).ok).toBe(false);
  });

  it('keeps engine history forever unless a retention in days is set', () => {
    expect(parseConfig({}, context)).toMatchObject({ ok: true, config: { historyRetentionDays: undefined } });
    expect(parseConfig({ ENGINE_HISTORY_RETENTION_DAYS: '365' }, context)).toMatchObject({
      ok: true,
      config: { historyRetentionDays: 365 },
    });
  });

  it('reads the engine message size in bytes, KB or MB, leaving the engine default when unset', () => {
    expect(parseConfig({}, context)).toMatchObject({ ok: true, config: { engineMaxMessageSize: undefined } });
    expect(parseConfig({ ENGINE_MAX_MESSAGE_SIZE: '8MB' }, context)).toMatchObject({
      ok: true,
      config: { engineMaxMessageSize: 8 * 1024 * 1024 },
    });
    expect(parseConfig({ ENGINE_MAX_MESSAGE_SIZE: '512kb' }, context)).toMatchObject({
      ok: true,
      config: { engineMaxMessageSize: 512 * 1024 },
    });
    expect(parseConfig({ ENGINE_MAX_MESSAGE_SIZE: '65536' }, context)).toMatchObject({
      ok: true,
      config: { engineMaxMessageSize: 65_536 },
    });
    expect(parseConfig({ ENGINE_MAX_MESSAGE_SIZE: '1KB' }, context)).toMatchObject({ ok: false });
  });

  it('reads TRUST_PROXY as a flag, a hop count or a list of addresses', () => {
    const trust = (value: string) => {
      const result = parseConfig({ TRUST_PROXY: value }, context);
      return result.ok ? result.config.trustProxy : 'invalid';
    };
    expect(trust('true')).toBe(true);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.0/8, 127.0.0.1')).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(trust('10.0.0.0/33')).toBe('invalid');
  });

  it('resolves a relative data directory against where the command was run', () => {
    const result = parseConfig({ ONETHING_DATA_DIR: 'data' }, context);
    expect(result).toMatchObject({ ok: true, config: { dataDir: '/somewhere/data' } });
  });

  it('accepts reserved engine and registry addresses in their formats', () => {
    const result = parseConfig(
      {
        ZEEBE_ADDRESS: 'zeebe.example:26500',
        ZEEBE_GATEWAY_ADDRESS: '127.0.0.1:26500',
        REGISTRIES_URL: 'https://registries.example',
      },
      context,
    );
    expect(result).toMatchObject({ ok: true, config: { zeebeAddress: 'zeebe.example:26500' } });
  });

  it('keeps the sandbox registries on loopback without admin endpoints unless configured', () => {
    expect(parseConfig({}, context)).toMatchObject({
      ok: true,
      config: { registriesPort: undefined, registriesHost: '127.0.0.1', registriesAdminToken: undefined },
    });
    const configured = parseConfig(
      { REGISTRIES_PORT: '4100', REGISTRIES_ADMIN_TOKEN: 'a-long-enough-token' },
      context,
    );
    expect(configured).toMatchObject({
      ok: true,
      config: { registriesPort: 4100, registriesAdminToken: 'a-long-enough-token' },
    });
  });
});
