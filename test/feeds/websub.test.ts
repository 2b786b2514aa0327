import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  buildSubscribeForm,
  discoverWebSub,
  generateSecret,
  leaseRenewAt,
  parseLinkHeader,
  signBody,
  verifyIntent,
  verifySignature,
} from '../../src/feeds/index.ts';

describe('parseLinkHeader', () => {
  it.each([
    ['<https://hub.example/>; rel="hub", <https://site.example/feed>; rel="self"', [['https://hub.example/', ['hub']], ['https://site.example/feed', ['self']]]],
    ['<https://a.example/x,y>; rel=hub; title="a, b; c"', [['https://a.example/x,y', ['hub']]]],
    ['</hub>; rel="hub self"', [['https://site.example/hub', ['hub', 'self']]]],
    ['<https://a.example/>;rel=preload;as=style,<https://hub.example/>;REL="HUB"', [['https://a.example/', ['preload']], ['https://hub.example/', ['hub']]]],
    ['garbage, <http://[bad>; rel=hub', []],
    ['', []],
  ] as Array<[string, Array<[string, string[]]>]>)('%s', (header, expected) => {
    const links = parseLinkHeader(header, 'https://site.example/feed');
    expect(links.map((l) => [l.url, l.rel])).toEqual(expected);
  });
});

describe('discoverWebSub', () => {
  it('prefers the Link header over the feed body, falls back to the feed URL as topic', () => {
    expect(discoverWebSub({ hub: 'https://feedhub.example/', self: 'https://site.example/self' }, '<https://headerhub.example/>; rel="hub"', 'https://site.example/feed')).toEqual({
      hub: 'https://headerhub.example/',
      topic: 'https://site.example/self',
    });
    expect(discoverWebSub({ hub: null, self: null }, null, 'https://site.example/feed')).toEqual({ hub: null, topic: 'https://site.example/feed' });
  });
});

describe('buildSubscribeForm', () => {
  it('builds the form the hub expects', () => {
    const req = buildSubscribeForm({ hub: 'https://hub.example/', topic: 'https://site.example/feed?a=1&b=2', callback: 'https://wire.example/websub/7', secret: 's3cret', leaseSeconds: 86400.7 });
    expect(req.method).toBe('POST');
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(req.body);
    expect(Object.fromEntries(form)).toEqual({
      'hub.callback': 'https://wire.example/websub/7',
      'hub.mode': 'subscribe',
      'hub.topic': 'https://site.example/feed?a=1&b=2',
      'hub.secret': 's3cret',
      'hub.lease_seconds': '86400',
    });
  });
  it('refuses a secret of 200 bytes or more', () => {
    expect(() => buildSubscribeForm({ hub: 'https://h/', topic: 't', callback: 'c', secret: 'x'.repeat(200) })).toThrow(RangeError);
    expect(generateSecret()).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('verifyIntent', () => {
  const now = new Date('2026-12-04T12:00:00Z');
  const token = 'a'.repeat(48);
  const expected = { topic: 'https://site.example/feed', callbackToken: token, awaiting: 'subscribe' as const, requestedAt: new Date(now.getTime() - 60_000), state: 'pending' };
  const q = (o: Record<string, string>) => new URLSearchParams(o);
  it.each([
    [{ 'hub.mode': 'subscribe', 'hub.topic': 'https://site.example/feed', 'hub.challenge': 'abc', 'hub.lease_seconds': '3600' }, { ok: true, challenge: 'abc', leaseSeconds: 3600 }],
    [{ 'hub.mode': 'subscribe', 'hub.topic': 'https://SITE.example/feed', 'hub.challenge': 'abc' }, { ok: true, challenge: 'abc', leaseSeconds: null }],
    [{ 'hub.mode': 'subscribe', 'hub.topic': 'https://evil.example/feed', 'hub.challenge': 'abc' }, { ok: false, reason: 'hub.topic does not match' }],
    [{ 'hub.mode': 'unsubscribe', 'hub.topic': 'https://site.example/feed', 'hub.challenge': 'abc' }, { ok: false }],
    [{ 'hub.mode': 'subscribe', 'hub.topic': 'https://site.example/feed' }, { ok: false, reason: 'missing hub.challenge' }],
    [{ 'hub.mode': 'denied', 'hub.topic': 'https://site.example/feed', 'hub.reason': 'quota' }, { ok: false, denied: true }],
  ])('%j', (params, result) => {
    expect(verifyIntent(q(params), token, expected, now)).toMatchObject(result);
  });
  it('refuses any verification when nothing is pending', () => {
    expect(verifyIntent(q({ 'hub.mode': 'subscribe', 'hub.topic': 't', 'hub.challenge': 'c' }), token, null, now)).toMatchObject({ ok: false });
  });

  // Issue 15 item 2: before the token, anyone could confirm a pending subscription with one GET.
  const good = { 'hub.mode': 'subscribe', 'hub.topic': 'https://site.example/feed', 'hub.challenge': 'x' };
  it.each([
    ['no token in the callback', null, expected, good, 'unknown callback'],
    ['a wrong token', 'b'.repeat(48), expected, good, 'unknown callback'],
    ['a token of another length', 'a'.repeat(47), expected, good, 'unknown callback'],
    ['a subscription from before tokens', token, { ...expected, callbackToken: null }, good, 'unknown callback'],
    ['another topic', token, expected, { ...good, 'hub.topic': 'https://evil.example/feed' }, 'hub.topic does not match'],
    ['the other mode', token, expected, { ...good, 'hub.mode': 'unsubscribe' }, 'unexpected hub.mode unsubscribe'],
    ['nothing asked (already active, no renewal pending)', token, { ...expected, awaiting: null, state: 'active' }, good, 'no request is waiting for verification'],
    ['a request older than a day', token, { ...expected, requestedAt: new Date(now.getTime() - 25 * 3600_000) }, good, 'the request is too old to verify'],
    ['a denial without the token', null, expected, { 'hub.mode': 'denied', 'hub.topic': 'https://site.example/feed' }, 'unknown callback'],
    ['a denial of a subscription already ended', token, { ...expected, awaiting: null, state: 'unsubscribed' }, { 'hub.mode': 'denied', 'hub.topic': 'https://site.example/feed' }, 'nothing to deny'],
  ] as const)('refuses a forged verification: %s', (_name, given, asked, params, reason) => {
    expect(verifyIntent(q(params), given, asked, now)).toEqual({ ok: false, reason, denied: false });
  });

  it('verifies an unsubscription only when one is awaited', () => {
    const leaving = { ...expected, awaiting: 'unsubscribe' as const, state: 'active' };
    expect(verifyIntent(q({ ...good, 'hub.mode': 'unsubscribe' }), token, leaving, now)).toMatchObject({ ok: true, mode: 'unsubscribe', challenge: 'x' });
    expect(verifyIntent(q(good), token, leaving, now)).toMatchObject({ ok: false, reason: 'unexpected hub.mode subscribe' });
  });
});

describe('verifySignature', () => {
  const body = Buffer.from('<feed>pushed</feed>');
  const secret = 'shared-secret';
  it.each(['sha1', 'sha256', 'sha384', 'sha512'] as const)('accepts a correct %s signature, rejects a tampered one', (algo) => {
    const sig = signBody(body, secret, algo);
    expect(sig).toBe(`${algo}=${createHmac(algo, secret).update(body).digest('hex')}`);
    expect(verifySignature(body, sig, secret)).toBe(true);
    expect(verifySignature(body, sig.toUpperCase().replace(algo.toUpperCase(), algo), secret)).toBe(true);
    expect(verifySignature(Buffer.from('<feed>tampered</feed>'), sig, secret)).toBe(false);
    expect(verifySignature(body, sig, 'other-secret')).toBe(false);
  });
  it.each([null, '', 'sha256', 'sha256=', 'md5=abcd', `sha256=${'0'.repeat(64)}`, 'sha256=zz', `sha256=${createHmac('sha256', secret).update(body).digest('hex').slice(0, 62)}`])('rejects %j', (header) => {
    expect(verifySignature(body, header, secret)).toBe(false);
  });
});

describe('leaseRenewAt', () => {
  const at = new Date('2024-03-05T00:00:00Z');
  it.each([
    [3600, '2024-03-05T00:54:00.000Z', '2024-03-05T01:00:00.000Z'],
    [864000, '2024-03-14T00:00:00.000Z', '2024-03-15T00:00:00.000Z'],
    [300, '2024-03-05T00:04:00.000Z', '2024-03-05T00:05:00.000Z'],
    [60, '2024-03-05T00:00:30.000Z', '2024-03-05T00:01:00.000Z'],
    [null, '2024-03-14T00:00:00.000Z', '2024-03-15T00:00:00.000Z'],
  ])('lease %s → renew %s, expires %s', (lease, renew, expires) => {
    const r = leaseRenewAt(at, lease);
    expect(r.renewAt.toISOString()).toBe(renew);
    expect(r.expiresAt.toISOString()).toBe(expires);
  });
});
