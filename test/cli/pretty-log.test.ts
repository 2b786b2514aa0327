import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { formatLogLine, prettyStream } from '../../src/pretty-log.ts';

describe('logs on a terminal', () => {
  it('are one readable line per event, fields as key=value', () => {
    const lines: string[] = [];
    const log = pino({ name: 'transwire' }, prettyStream({ write: (s) => lines.push(s) }));
    log.info({ source_id: 3, items: 14 }, 'polled');
    log.warn({ err: 'HTTP 500 from http://a.example/feed' }, 'poll failed');
    log.error({ err: new Error('boom\nsecond line') }, 'job failed');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d INFO  polled  source_id=3 items=14\n$/);
    expect(lines[1]).toMatch(/^\d\d:\d\d:\d\d WARN  poll failed  err="HTTP 500 from http:\/\/a\.example\/feed"\n$/);
    expect(lines[2]).toMatch(/^\d\d:\d\d:\d\d ERROR job failed  err="boom\\nsecond line"\n$/);
  });

  it('colours only when asked, and passes a line that is not JSON through', () => {
    expect(formatLogLine('{"level":30,"time":0,"msg":"x"}', { color: true })).toContain('\x1b[36mINFO \x1b[0m');
    expect(formatLogLine('not json')).toBe('not json\n');
  });

  it('are JSON when stderr is not a terminal (auto) or when asked', () => {
    // Vitest's workers write to a pipe: "auto" must choose JSON there.
    expect(process.stderr.isTTY).toBeFalsy();
    const auto = createLogger({ format: 'auto' });
    const json = createLogger({ format: 'json' });
    const pretty = createLogger({ format: 'pretty' });
    const streamOf = (l: pino.Logger) => (l as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] as { write: unknown; fd?: number };
    expect(streamOf(auto).fd).toBe(2);
    expect(streamOf(json).fd).toBe(2);
    expect(streamOf(pretty).fd).toBeUndefined();
  });
});
