// Tests of scripts/vite-plugin-iam-data.ts, kept beside the loaders it serves.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, createServer, preview, type ViteDevServer, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iamData, { iamDataVersion } from '../../scripts/vite-plugin-iam-data';
import { fetchManagedPolicies, fetchManagedPolicyIndex } from './managedPolicies';
import { fetchServiceCatalogue } from './serviceData';

const root = mkdtempSync(join(tmpdir(), 'iam-data-plugin-'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title><script type="module" src="./main.js"></script>');
writeFileSync(join(root, 'main.js'), 'document.title = "ok";');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const common = { root, base: '/sub/', configFile: false as const, logLevel: 'silent' as const, plugins: [iamData()] };

function origin(server: { httpServer: unknown }): string {
  const address = (server.httpServer as { address(): AddressInfo }).address();
  return `http://127.0.0.1:${address.port}`;
}

it('names the data version after both packages', () => {
  expect(iamDataVersion()).toMatch(/^\d+\.\d+\.\d+\+\d+\.\d+\.\d+$/);
});

describe('dev server', () => {
  let server: ViteDevServer;
  let base: string;
  beforeAll(async () => {
    server = await createServer({ ...common, server: { port: 0, host: '127.0.0.1', ws: false } });
    await server.listen();
    base = `${origin(server)}/sub/data/`;
  });
  afterAll(() => server.close());

  it('serves managed policies and IAM data under the base, as JSON', async () => {
    const response = await fetch(`${base}managed-policies/AdministratorAccess.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const { records, unknown } = await fetchManagedPolicies(
      ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', 'arn:aws:iam::aws:policy/NoSuch'],
      base,
      fetch,
    );
    expect(records.map((r) => r.name)).toEqual(['AWSLambdaBasicExecutionRole']);
    expect(unknown).toEqual(['arn:aws:iam::aws:policy/NoSuch']);
    const index = await fetchManagedPolicyIndex(base, fetch);
    expect(index.find((p) => p.name === 'ReadOnlyAccess')?.arn).toBe('arn:aws:iam::aws:policy/ReadOnlyAccess');

    const catalogue = fetchServiceCatalogue(base, fetch);
    await catalogue.loadServiceData('s3');
    expect(catalogue.isKnownAction('s3', 'GetObject')).toBe(true);
    expect(catalogue.globalConditionKeys().length).toBeGreaterThan(20);
  });

  it('answers unknown files with a JSON 404, not index.html', async () => {
    for (const path of ['managed-policies/NoSuch.json', 'iam-data/actions/nosuch.json', 'iam-data/..%2F..%2Fpackage.json', 'iam-data/actions', 'managed-policies/']) {
      const response = await fetch(base + path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toMatch(/^application\/json/);
    }
  });
});

describe('build and preview', () => {
  const outDir = join(root, 'dist');
  let server: PreviewServer;
  beforeAll(async () => {
    await build({ ...common, build: { outDir, emptyOutDir: true } });
    server = await preview({ ...common, build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
  });
  afterAll(() => server.httpServer.close());

  it('writes the data files into the output folder', () => {
    const index = JSON.parse(readFileSync(join(outDir, 'data/managed-policies/index.json'), 'utf8')) as { format: number; policies: unknown[] };
    expect(index.format).toBe(1);
    expect(index.policies.length).toBeGreaterThan(1000);
    const lambda = JSON.parse(readFileSync(join(outDir, 'data/managed-policies/AWSLambdaBasicExecutionRole.json'), 'utf8')) as { arn: string };
    expect(lambda.arn).toBe('arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole');
    for (const file of ['serviceNames.json', 'globalConditionKeys.json', 'actions/s3.json', 'conditionKeys/s3.json', 'resourceTypes/s3.json']) {
      expect(existsSync(join(outDir, 'data/iam-data', file)), file).toBe(true);
    }
  });

  it('serves them from preview, with a 404 for unknown files', async () => {
    const base = `${origin(server)}/sub/data/`;
    const { records } = await fetchManagedPolicies(['arn:aws:iam::aws:policy/AdministratorAccess'], base, fetch);
    expect(records).toHaveLength(1);
    const catalogue = fetchServiceCatalogue(base, fetch);
    await expect(catalogue.loadServiceData('iam')).resolves.toBeDefined();
    expect((await fetch(`${base}managed-policies/NoSuch.json`)).status).toBe(404);
    expect((await fetch(`${base}iam-data/actions/nosuch.json`)).status).toBe(404);
  });
});
