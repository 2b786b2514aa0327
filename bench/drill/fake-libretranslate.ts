/**
 * A LibreTranslate API on 127.0.0.1 for the engine fault: first in the drill's chain, Apertium
 * after it. While healthy it answers with real translations (Apertium in this process, so the
 * gate judges real Spanish); in its bad minute it answers 500, or never (the caller's timeout).
 * /languages always answers: a worker started in the bad minute still passes its engine check.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEngines } from '../../src/translate/index.ts';

export type LibreMode = 'ok' | 'error' | 'hang';

export interface FakeLibre {
  url: string;
  setMode(mode: LibreMode): void;
  calls: Record<LibreMode, number>;
  close(): Promise<void>;
}

export async function startFakeLibreTranslate(): Promise<FakeLibre> {
  const apertium = createEngines({ apertium: { kind: 'apertium' } }).get('apertium')!;
  let mode: LibreMode = 'ok';
  const calls: Record<LibreMode, number> = { ok: 0, error: 0, hang: 0 };
  const hung = new Set<ServerResponse>();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/languages') return json(200, [{ code: 'en', targets: ['es'] }, { code: 'es', targets: ['en'] }]);
    if (req.url !== '/translate' || req.method !== 'POST') return json(404, { error: 'not found' });
    calls[mode]++;
    if (mode === 'error') return json(500, { error: 'drill: engine failing' });
    if (mode === 'hang') return void hung.add(res);
    try {
      const { q, source, target } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { q: string | string[]; source: string; target: string };
      const out = await apertium.translate(Array.isArray(q) ? q : [q], source, target);
      json(200, { translatedText: Array.isArray(q) ? out : out[0] });
    } catch (err) {
      json(500, { error: String(err) });
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const setMode = (next: LibreMode): void => {
    mode = next;
    if (next === 'hang') return;
    for (const res of hung) res.destroy();
    hung.clear();
  };
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    setMode,
    async close() {
      setMode('ok');
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await apertium.close();
    },
  };
}
