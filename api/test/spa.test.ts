import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { Readiness } from '../src/readiness.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';

let withoutBuild: TestApp;
let spaRoot: string;
beforeAll(async () => {
  withoutBuild = await startTestApp();
  spaRoot = await mkdtemp(join(tmpdir(), 'onething-spa-'));
  await mkdir(join(spaRoot, 'assets'));
  await writeFile(join(spaRoot, 'index.html'), '<!doctype html><title>OneThing</title><div id="app"></div>');
  await writeFile(join(spaRoot, 'assets', 'main-abc123.js'), 'console.log("spa")');
});
afterAll(async () => {
  await withoutBuild.close();
  await rm(spaRoot, { recursive: true, force: true });
});

async function appWithSpa() {
  const app = await buildApp({
    orm: withoutBuild.orm,
    readiness: new Readiness(),
    personalData: withoutBuild.personalData,
    spaRoot,
  });
  await app.ready();
  return app;
}

describe('the SPA at /', () => {
  it('serves index.html at /', async () => {
    const app = await appWithSpa();
    const response = await app.inject({ url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('<div id="app">');
    await app.close();
  });

  it('serves its assets', async () => {
    const app = await appWithSpa();
    const response = await app.inject({ url: '/assets/main-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('console.log("spa")');
    await app.close();
  });

  it('answers client-side routes with index.html so that a reload works', async () => {
    const app = await appWithSpa();
    const response = await app.inject({ url: '/portal/applications/42?tab=parts' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<div id="app">');
    await app.close();
  });

  it('keeps unknown api paths as 404 errors', async () => {
    const app = await appWithSpa();
    const response = await app.inject({ url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
    await app.close();
  });

  it('says so with a 503 error when the SPA was not built', async () => {
    const response = await withoutBuild.app.inject({ url: '/' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({
      error: { code: 'SPA_NOT_BUILT', message: expect.stringContaining('pnpm start') },
    });
  });
});
