/** One robots.txt rule that applies to us, compiled. */
export interface RobotsRule {
  allow: boolean;
  /** Pattern as written, percent-encoding normalized; its length decides precedence. */
  pattern: string;
  regex: RegExp;
}

/** What robots.txt says to us: the rules of our group, and its Crawl-delay if any. */
export interface RobotsGroup {
  rules: RobotsRule[];
  /** Crawl-delay is not in RFC 9309, but sites that set it mean it: we honour it as a spacing. */
  crawlDelayMs: number | null;
}

/** RFC 9309 §2.5: crawlers must parse at least 500 KiB; we stop there. */
const MAX_BYTES = 500 * 1024;

/**
 * The rules of robots.txt that apply to `productToken` (RFC 9309): every group naming the token
 * (case-insensitive) merged, else every `*` group merged, else none (all allowed).
 */
export function robotsTxt(text: string, productToken: string): RobotsGroup {
  const token = productToken.toLowerCase();
  const mine: RobotsRule[] = [];
  const star: RobotsRule[] = [];
  let mineDelay: number | null = null;
  let starDelay: number | null = null;
  let agents: string[] = [];
  let inRules = false;
  // A group naming us replaces the `*` groups even when it has no rules.
  let named = false;
  for (const raw of text.slice(0, MAX_BYTES).split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === 'user-agent') {
      // A user-agent line after rules starts a new group; consecutive ones share one.
      if (inRules) agents = [];
      inRules = false;
      agents.push(value.toLowerCase());
      if (value !== '*' && matchesToken(value.toLowerCase(), token)) named = true;
    } else if (key === 'allow' || key === 'disallow') {
      inRules = true;
      // An empty Disallow means nothing is disallowed: no rule at all.
      if (value === '') continue;
      const rule = compile(key === 'allow', value);
      if (agents.some((a) => a !== '*' && matchesToken(a, token))) mine.push(rule);
      else if (agents.includes('*')) star.push(rule);
    } else if (key === 'crawl-delay' && /^\d+(\.\d+)?$/.test(value)) {
      inRules = true;
      // Capped: a site asking for an hour between requests would silence a news source.
      const ms = Math.min(Number(value), 60) * 1000;
      if (agents.some((a) => a !== '*' && matchesToken(a, token))) mineDelay = ms;
      else if (agents.includes('*')) starDelay = ms;
    }
    // Other keys (Sitemap, …) neither start nor end a group.
  }
  return named ? { rules: mine, crawlDelayMs: mineDelay } : { rules: star, crawlDelayMs: starDelay };
}

function matchesToken(agent: string, token: string): boolean {
  // "transwire/1.0" and "Transwire" in robots.txt both name product token "transwire".
  return agent.split('/')[0]!.trim() === token;
}

function compile(allow: boolean, value: string): RobotsRule {
  const pattern = normalizePercent(value);
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const source = body
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return { allow, pattern, regex: new RegExp(`^${source}${anchored ? '$' : ''}`) };
}

/**
 * Uppercases percent escapes, decodes escapes of unreserved characters and encodes raw non-ASCII,
 * so `/caf%c3%a9`, `/café` and `/caf%C3%A9` compare equal (RFC 9309 §2.2.2).
 */
export function normalizePercent(path: string): string {
  const encoded = path.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
  return encoded.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => {
    const ch = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(ch) ? ch : `%${hex.toUpperCase()}`;
  });
}

/** Longest matching rule wins; on a tie Allow wins (the least restrictive, RFC 9309 §2.2.2). */
export function isPathAllowed(group: RobotsGroup | RobotsRule[], pathAndQuery: string): boolean {
  const rules = Array.isArray(group) ? group : group.rules;
  const path = normalizePercent(pathAndQuery);
  if (path === '/robots.txt') return true;
  let best: RobotsRule | null = null;
  for (const rule of rules) {
    if (!rule.regex.test(path)) continue;
    if (!best || rule.pattern.length > best.pattern.length || (rule.pattern.length === best.pattern.length && rule.allow)) {
      best = rule;
    }
  }
  return best ? best.allow : true;
}
