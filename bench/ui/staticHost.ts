/**
 * The built site served as a static host serves it: every file read and compressed once,
 * before the first request, then sent from memory. `vite preview` compresses each response
 * as it is asked for, on the same two cores the measured browser runs on — work a visitor's
 * machine never does (a CDN or a static host sends files it compressed once) — so the
 * benchmark's opening figures are measured against this server instead.
 */
import { createServer, type Server } from 'node:http';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
};

/** Text files are sent compressed, as static hosts do; images and fonts as they are. */
const COMPRESSED = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.ttf']);

interface Entry {
  readonly type: string;
  readonly raw: Buffer;
  readonly gzip?: Buffer;
  readonly brotli?: Buffer;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Serves `dir` on `port` (127.0.0.1); files under `skip` (e.g. the 12 MB of IAM data) are read when asked for, uncompressed. */
export async function serveStatic(dir: string, port: number, skip: readonly string[] = ['data']): Promise<Server> {
  const entries = new Map<string, Entry>();
  for (const file of filesUnder(dir)) {
    const path = '/' + relative(dir, file).split(sep).join('/');
    if (skip.some((s) => path.startsWith(`/${s}/`))) continue;
    const raw = readFileSync(file);
    const ext = extname(file);
    const type = TYPES[ext] ?? 'application/octet-stream';
    entries.set(
      path,
      COMPRESSED.has(ext)
        ? { type, raw, gzip: gzipSync(raw, { level: 9 }), brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) }
        : { type, raw },
    );
  }
  const server = createServer((request, response) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.writeHead(400, { 'Content-Type': 'text/plain' }).end('Bad request');
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    let entry = entries.get(path);
    if (!entry && skip.some((s) => path.startsWith(`/${s}/`)) && !path.includes('..')) {
      try {
        const raw = readFileSync(join(dir, path));
        entry = { type: TYPES[extname(path)] ?? 'application/octet-stream', raw };
      } catch {
        entry = undefined;
      }
    }
    if (!entry) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    const accepts = String(request.headers['accept-encoding'] ?? '');
    const [encoding, body] = entry.brotli && /\bbr\b/.test(accepts) ? ['br', entry.brotli] : entry.gzip && /\bgzip\b/.test(accepts) ? ['gzip', entry.gzip] : [undefined, entry.raw];
    response.writeHead(200, {
      'Content-Type': entry.type,
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return server;
}
