/**
 * Language of a text, from its characters: the script settles some languages outright (Korean,
 * Japanese kana, Thai…), and the eld n-gram detector (60 languages) the rest. Its extra-small table
 * scored the same as the small and medium ones on our paragraphs, for 60–100 MB less memory.
 * Confidence grows with the length of the text and falls when eld calls its result unreliable.
 */
import { eld } from 'eld/extrasmall';
import { countScript, SCRIPT_BY_NAME, SCRIPTS, soleLanguage } from '../shared/scripts.ts';

export interface DetectedLanguage {
  lang: string | null;
  confidence: number;
}

const LETTER = /\p{L}/gu;
const HAN = SCRIPT_BY_NAME.get('Han')!;
const KANA = SCRIPT_BY_NAME.get('Kana')!;
/** Scripts that settle the language alone (Han last: kana decides Japanese first); eld does the rest. */
const SETTLING = [...SCRIPTS.filter((s) => s !== HAN && soleLanguage(s) !== null), HAN];
/** Enough text to decide; more only costs time. */
const SAMPLE = 1500;

function count(text: string, re: RegExp): number {
  re.lastIndex = 0;
  return text.match(re)?.length ?? 0;
}

export function detectLanguage(text: string): DetectedLanguage {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const letters = count(sample, LETTER);
  if (letters < 3) return { lang: null, confidence: 0 };
  const lengthFactor = Math.min(1, letters / 150);
  for (const script of SETTLING) {
    const n = countScript(sample, script);
    // Japanese mixes kana with Han; a tenth of kana is already unmistakable.
    const share = script === KANA ? n / Math.max(1, n + countScript(sample, HAN)) : n / letters;
    if (share > (script === KANA ? 0.1 : 0.4)) return { lang: script.languages[0]!, confidence: round(0.7 + 0.29 * lengthFactor) };
  }
  const result = eld.detect(sample);
  if (!result.language) return { lang: null, confidence: 0 };
  const lang = result.language === 'ms' || result.language === 'id' ? malayOrIndonesian(sample, result.language) : result.language;
  const reliable = result.isReliable();
  const scores = Object.values(result.getScores()).sort((a, b) => b - a);
  const [top = 0, second = 0] = scores;
  const margin = top > 0 ? (top - second) / top : 0;
  const base = reliable ? 0.55 + 0.3 * lengthFactor + Math.min(0.14, margin) : Math.min(0.45, 0.1 + margin);
  return { lang, confidence: round(Math.min(0.99, base)) };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

const INDONESIAN = /\b(?:pemerintah|karena|bisa|sudah|setelah|kepada|uang|mereka|bahwa|tahun depan|tetapi|saat ini)\b/gi;
const MALAY = /\b(?:kerajaan|kerana|boleh|telah|selepas|daripada|wang|ialah|beliau|tetapi|kini)\b/gi;

/** eld confuses the two standard forms of Malay; a few words each uses and the other does not settle it. */
function malayOrIndonesian(text: string, guess: string): string {
  const id = count(text, INDONESIAN);
  const ms = count(text, MALAY);
  return id > ms ? 'id' : ms > id ? 'ms' : guess;
}
