import { describe, expect, it } from 'vitest';
import { signBody } from '../../src/feeds/index.ts';
import { websubCallback, type WebSubCallbackDeps } from '../../src/web/websub-callback.ts';

const SECRET = 's3cret';
const TOKEN = 'c4llb4ck';
const BODY = '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>';

function deps() {
  const pushes: string[] = [];
  const recorded: boolean[] = [];
  const d: WebSubCallbackDeps = {
    getSubscription: async () => ({ topic: 'https://example.com/feed', secret: SECRET, callbackToken: TOKEN, awaiting: null, requestedAt: new Date(), state: 'active' }),
    markVerified: async () => {},
    markDenied: async () => {},
    recordPush: async (_id, accepted) => void recorded.push(accepted),
    onPush: async (_id, body) => void pushes.push(body.toString('utf8')),
  };
  return { d, pushes, recorded };
}

const post = (headers: Record<string, string>) =>
  new Request(`http://127.0.0.1/websub/7/${TOKEN}`, { method: 'POST', body: BODY, headers: { 'content-type': 'application/atom+xml', ...headers } });

describe('websubCallback signature headers', () => {
  const cases: { name: string; headers: Record<string, string>; accepted: boolean }[] = [
    { name: 'X-Hub-Signature sha256', headers: { 'x-hub-signature': signBody(BODY, SECRET, 'sha256') }, accepted: true },
    { name: 'X-Hub-Signature-256 alone', headers: { 'x-hub-signature-256': signBody(BODY, SECRET, 'sha256') }, accepted: true },
    { name: 'X-Hub-Signature-256 with the wrong secret', headers: { 'x-hub-signature-256': signBody(BODY, 'other', 'sha256') }, accepted: false },
    { name: 'X-Hub-Signature-256 over another body', headers: { 'x-hub-signature-256': signBody(`${BODY} `, SECRET, 'sha256') }, accepted: false },
    // X-Hub-Signature wins when both are present: a bad one is not rescued by a good -256.
    { name: 'bad X-Hub-Signature + good -256', headers: { 'x-hub-signature': signBody(BODY, 'other'), 'x-hub-signature-256': signBody(BODY, SECRET) }, accepted: false },
    { name: 'no signature', headers: {}, accepted: false },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.accepted ? 'accepted' : 'dropped with 2xx'}`, async () => {
      const { d, pushes, recorded } = deps();
      const res = await websubCallback(post(c.headers), d);
      expect(res.status).toBe(202);
      expect(await res.text()).toBe(c.accepted ? 'accepted' : 'ignored');
      expect(pushes).toEqual(c.accepted ? [BODY] : []);
      expect(recorded).toEqual([c.accepted]);
    });
  }

  it.each([
    ['without the token', 'http://127.0.0.1/websub/7'],
    ['with another token', 'http://127.0.0.1/websub/7/0ther'],
  ])('a well-signed push on the callback %s is refused (410), not taken', async (_name, url) => {
    const { d, pushes } = deps();
    const res = await websubCallback(new Request(url, { method: 'POST', body: BODY, headers: { 'x-hub-signature': signBody(BODY, SECRET) } }), d);
    expect(res.status).toBe(410);
    expect(pushes).toEqual([]);
  });
});
