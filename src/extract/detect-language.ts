/**
 * Language of a text, from its characters: the script settles some languages outright (Korean,
 * Japanese kana, Thai…), and the eld n-gram detector (60 languages) the rest. Its extra-small table
 * scored the same as the small and medium ones on our paragraphs, for 60–100 MB less memory.
 * Confidence grows with the length of the text and falls when eld calls its result unreliable.
 */
import { eld } from 'eld/extrasmall';

export interface DetectedLanguage {
  lang: string | null;
  confidence: number;
}

const LETTER = /\p{L}/gu;
const SCRIPTS: Array<[RegExp, string]> = [
  [/[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/g, 'ko'],
  [/[\u3040-\u309f\u30a0-\u30ff]/g, 'ja'],
  [/[\u0e00-\u0e7f]/g, 'th'],
  [/[\u0590-\u05ff]/g, 'he'],
  [/[\u0370-\u03ff]/g, 'el'],
  [/[\u10a0-\u10ff]/g, 'ka'],
  [/[\u0530-\u058f]/g, 'hy'],
];
const HAN = /[\u4e00-\u9fff]/g;
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
  for (const [re, lang] of SCRIPTS) {
    const n = count(sample, re);
    // Japanese mixes kana with Han; a tenth of kana is already unmistakable.
    const share = lang === 'ja' ? n / Math.max(1, n + count(sample, HAN)) : n / letters;
    if (share > (lang === 'ja' ? 0.1 : 0.4)) return { lang, confidence: round(0.7 + 0.29 * lengthFactor) };
  }
  if (count(sample, HAN) / letters > 0.4) return { lang: 'zh', confidence: round(0.7 + 0.29 * lengthFactor) };
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
