// Builds the browser app with Vite's build() into a temporary folder and serves it with preview() on
// 127.0.0.1 (a free port), as `npm run build` and a static host would: the test sees the production bundle.
// startDevServer is what `npm start` runs (Vite's dev server, modules served unbundled).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, createServer, preview, type PreviewServer } from 'vite';

export const REPO = join(import.meta.dirname, '..', '..', '..');

export interface ServedApp {
  url: string;
  outDir: string;
  buildMs: number;
  close(): Promise<void>;
}

export async function buildAndServeApp(): Promise<ServedApp> {
  const outDir = await mkdtemp(join(tmpdir(), 'lightfabric-web-'));
  const common = { configFile: join(REPO, 'vite.config.ts'), root: join(REPO, 'web'), logLevel: 'warn' as const };
  const t0 = performance.now();
  let server: PreviewServer | undefined;
  try {
    await build({ ...common, build: { outDir, emptyOutDir: true } });
    const buildMs = performance.now() - t0;
    server = await preview({ ...common, build: { outDir }, preview: { host: '127.0.0.1', port: 0, open: false } });
    const address = server.httpServer.address();
    if (address === null || typeof address === 'string') throw new Error(`preview server has no TCP address (${String(address)})`);
    const running = server;
    return {
      url: `http://127.0.0.1:${address.port}/`,
      outDir,
      buildMs,
      async close() {
        await running.close();
        await rm(outDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await server?.close();
    await rm(outDir, { recursive: true, force: true });
    throw e;
  }
}

export interface DevServer {
  url: string;
  close(): Promise<void>;
}

export async function startDevServer(): Promise<DevServer> {
  const server = await createServer({
    configFile: join(REPO, 'vite.config.ts'), root: join(REPO, 'web'), logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, open: false },
  });
  try {
    await server.listen();
    const address = server.httpServer?.address();
    if (!address || typeof address === 'string') throw new Error(`dev server has no TCP address (${String(address)})`);
    return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
  } catch (e) {
    await server.close();
    throw e;
  }
}
