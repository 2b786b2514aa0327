import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { PermanentError, TransientError } from '../domain/errors.ts';

/** The Accept-Encoding we send: only what `readCappedBody` can undo. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

function decoderFor(coding: string): Transform | null {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      // SYNC_FLUSH tolerates the truncated tails many servers send instead of failing the feed.
      return zlib.createUnzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
    case 'deflate':
      return new DeflateAuto();
    case 'br':
      return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
    case 'identity':
    case '':
      return null;
    default:
      throw new PermanentError(`fetch: unsupported Content-Encoding "${coding}"`, 'fetch.bad_encoding');
  }
}

/**
 * Drops a body we will not read. undici's body emits an "aborted" error when destroyed; with no
 * listener that error would crash the process, so it is swallowed here on purpose.
 */
export function discardBody(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

/**
 * Reads a response body through its Content-Encoding decoders, stopping as soon as the decoded
 * size passes `maxBytes`: a 10 KB gzip bomb costs one zlib chunk past the cap, never gigabytes.
 */
export async function readCappedBody(
  body: Readable,
  contentEncoding: string | undefined,
  maxBytes: number,
  url: string,
  /** Keep the first maxBytes and stop quietly instead of failing (error pages). */
  truncate = false,
): Promise<Buffer> {
  // Encodings are listed in the order applied; undo them in reverse.
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .reverse();
  let decoders: Transform[];
  try {
    decoders = codings.map(decoderFor).filter((d): d is Transform => d !== null);
  } catch (err) {
    discardBody(body); // free the connection now, not at the body timeout
    throw err;
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      if (truncate && total + chunk.length > maxBytes) {
        chunks.push(chunk.subarray(0, maxBytes - total));
        total = maxBytes;
        cb(new Truncated());
        return;
      }
      total += chunk.length;
      if (total > maxBytes) {
        cb(new PermanentError(`fetch: ${url} is larger than ${maxBytes} bytes (decoded)`, 'fetch.too_large', { httpStatus: 413 }));
        return;
      }
      chunks.push(chunk);
      cb();
    },
  });
  try {
    await pipeline([body, ...decoders, sink]);
  } catch (err) {
    if (err instanceof Truncated) return Buffer.concat(chunks, total);
    if (err instanceof PermanentError) throw err;
    if (err instanceof Error && 'errno' in err && decoders.length) {
      throw new TransientError(`fetch: ${url}: corrupt ${contentEncoding} body (${err.message})`, 'fetch.network', { cause: err });
    }
    throw err;
  }
  return Buffer.concat(chunks, total);
}

class Truncated extends Error {}

/**
 * "deflate" should be zlib-wrapped, but some servers send raw deflate: the first two bytes tell
 * (a zlib header is a multiple of 31 with method 8), so pick the inflater when they arrive.
 */
class DeflateAuto extends Transform {
  private inner: zlib.Inflate | zlib.InflateRaw | null = null;

  private start(first: Buffer): zlib.Inflate | zlib.InflateRaw {
    const wrapped = first.length >= 2 && (first[0]! & 0x0f) === 8 && ((first[0]! << 8) | first[1]!) % 31 === 0;
    const opts = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
    const inner = wrapped ? zlib.createInflate(opts) : zlib.createInflateRaw(opts);
    inner.on('data', (d: Buffer) => this.push(d));
    inner.on('error', (e) => this.destroy(e));
    return inner;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.inner ??= this.start(chunk);
    this.inner.write(chunk, () => cb());
  }

  override _flush(cb: (err?: Error | null) => void): void {
    if (!this.inner) return cb();
    this.inner.once('end', () => cb());
    this.inner.end();
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    this.inner?.destroy();
    cb(err);
  }
}
