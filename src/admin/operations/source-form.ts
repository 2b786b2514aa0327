import { sourceSchema } from '../../config/schema.ts';
import { compile } from 'css-select';
import type { SourceEdit } from '../../store/source-settings.ts';

/** One CSS selector a line; blank lines dropped. */
export const lines = (text: string | null): string[] => (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

/**
 * A source edit from the console's form, checked with the config's own schema for a source (so a
 * language code or an empty name is refused exactly as in the config file), and every selector
 * compiled once (css-select throws on one it cannot parse). Returns the edit or the problems in words.
 */
export function readSourceForm(form: URLSearchParams, url: string): { edit: SourceEdit } | { errors: string[] } {
  const text = (name: string) => form.get(name)?.trim() || undefined;
  const select = lines(form.get('select'));
  const drop = lines(form.get('drop'));
  const candidate = { url, name: text('name'), lang: text('lang'), category: text('category'), extract: select.length || drop.length ? { select, drop } : undefined };
  const parsed = sourceSchema.safeParse(candidate);
  if (!parsed.success) return { errors: parsed.error.issues.map((i) => `${i.path.join('.') || 'source'}: ${i.message}`) };
  const errors: string[] = [];
  for (const selector of [...select, ...drop]) {
    try {
      compile(selector); // what extraction will run: it would drop a selector it cannot parse without a word
    } catch (err) {
      errors.push(`extraction rules: "${selector}" is not a CSS selector (${(err as Error).message})`);
    }
  }
  if (errors.length) return { errors };
  const s = parsed.data;
  return { edit: { name: s.name ?? null, lang: s.lang ?? null, category: s.category ?? null, extractRules: s.extract ? { select: s.extract.select, drop: s.extract.drop } : null } };
}
