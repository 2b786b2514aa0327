import type { AdminRoute } from './admin-route.ts';

/**
 * A small path matcher for the console's few dozen routes: `/admin/review/:id` matches
 * `/admin/review/12` with `{ id: '12' }`. Literal segments win over parameters, whatever the
 * order the modules list them in (`/admin/sources/new` before `/admin/sources/:id`).
 */
export interface RouteMatch {
  route: AdminRoute;
  params: Record<string, string>;
}

interface Compiled {
  route: AdminRoute;
  segments: string[];
  /** One character per segment, `1` literal, `0` parameter: a larger string is more specific. */
  rank: string;
}

export interface RouteMatcher {
  /** The route for this method and path; `methodMismatch` when only another method has the path. */
  match(method: string, path: string): RouteMatch | { methodMismatch: true } | null;
}

export function createRouteMatcher(routes: readonly AdminRoute[]): RouteMatcher {
  const compiled: Compiled[] = routes.map((route) => {
    const segments = route.path.split('/');
    return { route, segments, rank: segments.map((s) => (s.startsWith(':') ? '0' : '1')).join('') };
  });
  compiled.sort((a, b) => (a.rank < b.rank ? 1 : a.rank > b.rank ? -1 : 0));
  return {
    match(method, path) {
      const parts = path.split('/');
      const wanted = method === 'HEAD' ? 'GET' : method;
      let other = false;
      for (const c of compiled) {
        const params = matchSegments(c.segments, parts);
        if (!params) continue;
        if (c.route.method === wanted) return { route: c.route, params };
        other = true;
      }
      return other ? { methodMismatch: true } : null;
    },
  };
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const part = parts[i]!;
    if (p.startsWith(':')) {
      if (!part) return null;
      let value: string;
      try {
        value = decodeURIComponent(part);
      } catch {
        return null;
      }
      params[p.slice(1)] = value;
    } else if (p !== part) return null;
  }
  return params;
}
