import { ar } from './messages/ar.ts';
import { ca } from './messages/ca.ts';
import { de } from './messages/de.ts';
import { en, type Messages } from './messages/en.ts';
import { es } from './messages/es.ts';
import { fr } from './messages/fr.ts';
import { pt } from './messages/pt.ts';

export type { Messages };

const FILES: Record<string, Messages> = { en, es, ar, fr, ca, pt, de };

/** The UI strings for a page language; English where no message file exists yet. */
export function messages(lang: string): Messages {
  return FILES[lang] ?? en;
}
