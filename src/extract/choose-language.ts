/** The article's language: the declared one, unless the body says otherwise with confidence. */
import { primaryLang } from '../domain/lang.ts';
import { detectLanguage } from './detect-language.ts';

const ALIASES: Record<string, string> = { nb: 'no', nn: 'no', iw: 'he', in: 'id', ji: 'yi', zh: 'zh', cmn: 'zh', jw: 'jv' };
/** Below this the body's verdict does not overrule what the page declares. */
const OVERRULE = 0.75;

function canonical(lang: string | null): string | null {
  return lang ? (ALIASES[lang] ?? lang) : null;
}

export function chooseLanguage(declared: string | null, body: string, title: string | null): string | null {
  const decl = canonical(primaryLang(declared));
  const fromBody = detectLanguage(body);
  const detected = canonical(fromBody.lang);
  if (detected && fromBody.confidence >= OVERRULE) return detected;
  if (decl) return decl;
  if (detected && fromBody.confidence >= 0.3) return detected;
  // Only when the body says nothing does the title get a say.
  const fromTitle = title ? detectLanguage(title) : null;
  return canonical(fromTitle?.lang ?? fromBody.lang ?? null);
}
