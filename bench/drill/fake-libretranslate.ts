/**
 * A LibreTranslate API on 127.0.0.1 for the engine fault: put first in the chain (Apertium after
 * it) for one minute, in which it answers 500, then nothing at all (the caller's timeout).
 * /languages always answers: a worker started in the bad minute still passes its engine check.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type LibreMode = 'error' | 'hang';

export interface FakeLibre {
  url: string;
  setMode(mode: LibreMode): void;
  calls: Record<LibreMode, number>;
  close(): Promise<void>;
}

export async function startFakeLibreTranslate(): Promise<FakeLibre> {
  let mode: LibreMode = 'error';
  const calls: Record<LibreMode, number> = { error: 0, hang: 0 };
  const hung = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    req.resume();
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/languages') return json(200, [{ code: 'en', targets: ['es'] }, { code: 'es', targets: ['en'] }]);
    if (req.url !== '/translate' || req.method !== 'POST') return json(404, { error: 'not found' });
    calls[mode]++;
    if (mode === 'error') return json(500, { error: 'drill: engine failing' });
    hung.add(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const release = () => {
    for (const res of hung) res.destroy();
    hung.clear();
  };
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    setMode(next) {
      mode = next;
      if (next !== 'hang') release();
    },
    async close() {
      release();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
