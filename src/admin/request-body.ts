import { AdminHttpError } from './admin-route.ts';

/** Forms and API bodies are small; an OPML upload is the largest thing the console takes. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

async function readBytes(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > limit) throw new AdminHttpError(413, `the request body is over ${limit} bytes`);
  if (!req.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) throw new AdminHttpError(413, `the request body is over ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * The body readers of one request, each reading at most once. A form (urlencoded or multipart)
 * comes back as URLSearchParams; a multipart file field arrives as its text (an OPML upload).
 */
export function bodyReaders(req: Request, limit = MAX_BODY_BYTES): { form(): Promise<URLSearchParams>; json<T>(): Promise<T>; isForm: boolean } {
  const type = (req.headers.get('content-type') ?? '').toLowerCase();
  let bytes: Promise<Buffer> | null = null;
  let form: Promise<URLSearchParams> | null = null;
  const body = () => (bytes ??= readBytes(req, limit));
  return {
    isForm: type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data'),
    form() {
      return (form ??= (async () => {
        const raw = await body();
        if (type.startsWith('multipart/form-data')) {
          const data = await new Response(new Uint8Array(raw) as unknown as BodyInit, { headers: { 'content-type': type } }).formData().catch(() => {
            throw new AdminHttpError(400, 'the form could not be read');
          });
          const out = new URLSearchParams();
          for (const [key, value] of data.entries()) out.append(key, typeof value === 'string' ? value : await value.text());
          return out;
        }
        if (type === '' || type.startsWith('application/x-www-form-urlencoded')) return new URLSearchParams(new TextDecoder().decode(raw));
        throw new AdminHttpError(415, 'a form was expected (application/x-www-form-urlencoded or multipart/form-data)');
      })());
    },
    async json<T>() {
      const raw = await body();
      try {
        return JSON.parse(new TextDecoder().decode(raw) || 'null') as T;
      } catch {
        throw new AdminHttpError(400, 'the body is not JSON');
      }
    },
  };
}
