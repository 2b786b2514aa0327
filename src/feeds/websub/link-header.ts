export interface HeaderLink {
  url: string;
  rel: string[];
  params: Record<string, string>;
}

/**
 * RFC 8288 Link header: `<url>; rel="hub", <url2>; rel="self alternate"`. Commas inside `<…>`
 * and quoted strings do not split; relative URLs resolve against `base`; a bad entry is skipped.
 */
export function parseLinkHeader(header: string | null | undefined, base?: string): HeaderLink[] {
  if (!header) return [];
  const out: HeaderLink[] = [];
  const re = /<([^>]*)>((?:\s*;\s*[^;,="]+(?:\s*=\s*(?:"(?:[^"\\]|\\.)*"|[^;,"]*))?)*)/g;
  for (let m = re.exec(header); m; m = re.exec(header)) {
    let url: string;
    try {
      url = new URL(m[1]!.trim(), base).href;
    } catch {
      continue;
    }
    const params: Record<string, string> = {};
    const pre = /;\s*([^;,="\s]+)\s*(?:=\s*(?:"((?:[^"\\]|\\.)*)"|([^;,"]*)))?/g;
    for (let p = pre.exec(m[2] ?? ''); p; p = pre.exec(m[2] ?? '')) {
      const key = p[1]!.toLowerCase();
      if (!(key in params)) params[key] = (p[2]?.replace(/\\(.)/g, '$1') ?? p[3] ?? '').trim();
    }
    out.push({ url, rel: (params.rel ?? '').toLowerCase().split(/\s+/).filter(Boolean), params });
  }
  return out;
}
