import { describe, expect, it } from 'vitest';
import { checkFidelity } from '../../src/translate/index.ts';

// Languages that share a script (Cyrillic: Russian, Ukrainian; Devanagari: Hindi, Marathi) cannot be
// told apart by the script: the gate must not call a good translation between them "untranslated".
describe('the fidelity gate between two languages of one script', () => {
  it('passes a Russian → Ukrainian translation', () => {
    const source = [
      '<p>Правительство объявило в понедельник новый план развития городского транспорта на следующие пять лет.</p>',
      '<p>По словам министра, строительство новых линий метро начнётся весной и продлится до конца десятилетия.</p>',
    ];
    const target = [
      '<p>Уряд оголосив у понеділок новий план розвитку міського транспорту на наступні п’ять років.</p>',
      '<p>За словами міністра, будівництво нових ліній метро почнеться навесні й триватиме до кінця десятиліття.</p>',
    ];
    const r = checkFidelity({ from: 'ru', to: 'uk', source, target });
    expect(r.findings.filter((f) => f.check === 'untranslated' || f.check === 'language')).toEqual([]);
  });

  it('still finds Russian left in a Russian → English translation', () => {
    const source = ['<p>Правительство объявило в понедельник новый план развития городского транспорта на следующие пять лет.</p>'];
    const r = checkFidelity({ from: 'ru', to: 'en', source, target: source });
    expect(r.findings.some((f) => f.check === 'untranslated')).toBe(true);
  });
});
