/**
 * PostgreSQL text cannot hold U+0000: a string with one makes the whole statement fail with
 * `invalid byte sequence for encoding "UTF8": 0x00`, again on every retry. Decoding removes NUL
 * from fetched bodies with a warning; this is the last line, for text that reaches the database
 * some other way. A string without NUL (nearly all) is returned as is, after one indexOf.
 */
export function stripNul(params: unknown[]): unknown[] {
  let out: unknown[] | null = null;
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    if (typeof p === 'string' && p.indexOf('\0') !== -1) {
      out ??= params.slice();
      out[i] = p.replaceAll('\0', '');
    } else if (Array.isArray(p) && p.some((e) => typeof e === 'string' && e.indexOf('\0') !== -1)) {
      out ??= params.slice();
      out[i] = p.map((e: unknown) => (typeof e === 'string' ? e.replaceAll('\0', '') : e));
    }
  }
  return out ?? params;
}

/**
 * JSON for a jsonb parameter, with U+0000 left out of its strings: jsonb refuses the `\u0000`
 * escape (`unsupported Unicode escape sequence`) just as text refuses the raw byte.
 */
export function jsonParam(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' && v.indexOf('\0') !== -1 ? v.replaceAll('\0', '') : v));
}
