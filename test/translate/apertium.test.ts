import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApertiumEngine, type ApertiumEngine } from '../../src/translate/engines/apertium/apertium-engine.ts';
import { ApertiumProcess, tappedPipeline } from '../../src/translate/engines/apertium/apertium-process.ts';
import { htmlToStream, streamToHtml, streamToLexicon } from '../../src/translate/engines/apertium/apertium-stream.ts';

// Apertium is a hard requirement of these tests: missing, they fail and say what to install.
function requireApertium(): void {
  let modes = '';
  try {
    modes = execFileSync('apertium', ['-l'], { encoding: 'utf8' });
  } catch (err) {
    throw new Error(`Apertium is not installed (apt-get install apertium apertium-eng-spa): ${(err as Error).message}`);
  }
  if (!/\beng-spa\b/.test(modes)) throw new Error('Apertium pair eng-spa is missing (apt-get install apertium-eng-spa)');
}

describe('apertium stream format', () => {
  it.each([
    ['Hello <b>world</b>.', 'Hello [<b>]world[<\\/b>].'],
    ['a &amp; b [x] $5 @me a/b', 'a & b \\[x\\] \\$5 \\@me a\\/b'],
    ['<a href="/p?a=1&amp;b=2">x</a>', '[<a href="\\/p?a=1&amp;b=2">]x[<\\/a>]'],
  ])('%s', (html, stream) => {
    expect(htmlToStream(html)).toBe(stream);
    expect(streamToHtml(stream)).toBe(html.replace('[x]', '[x]'));
  });
});

describe('apertium lexicon tap', () => {
  it('reads source and target lemmas of the bilingual stage, without tags, marks or blanks', () => {
    const stream = '[<!--tw1-->]^*Pashinyan/*Pashinyan$ ^tell<vblex><past>/decir<vblex><past>/narrar<vblex><past>$ [<b>]^South Africa<np><loc>/Sudáfrica<np><loc><f>$[<\\/b>] '
      + "^GET# OUT<vblex>/SALIR<vblex>$ ^'s<gen>/$ ^e\\/mail<n>/correo<n>$ ^.<sent>/.<sent>$[]";
    expect(streamToLexicon(stream)).toEqual([
      { source: 'Pashinyan', targets: ['Pashinyan'] },
      { source: 'tell', targets: ['decir', 'narrar'] },
      { source: 'South Africa', targets: ['Sudáfrica'] },
      { source: 'GET OUT', targets: ['SALIR'] },
      { source: 'e/mail', targets: ['correo'] },
      { source: '.', targets: ['.'] },
    ]);
  });

  it('copies the stage after lexical selection to fd 3, or the bilingual lookup when there is none', () => {
    expect(tappedPipeline("lt-proc -z 'a.bin' | apertium-tagger -z -g x | lt-proc -z -b 'b.bin' | lrx-proc -z -m 'l.bin' | apertium-transfer -z -b t1x t1x.bin"))
      .toBe("lt-proc -z 'a.bin' | apertium-tagger -z -g x | lt-proc -z -b 'b.bin' | lrx-proc -z -m 'l.bin' | tee >(exec cat >&3) | apertium-transfer -z -b t1x t1x.bin");
    expect(tappedPipeline("lt-proc -z 'a.bin' | lt-proc -z -b 'b.bin' | apertium-transfer -z t1x")).toBe("lt-proc -z 'a.bin' | lt-proc -z -b 'b.bin' | tee >(exec cat >&3) | apertium-transfer -z t1x");
    expect(tappedPipeline("lt-proc -z 'a.bin' | cg-proc x")).toBeNull();
  });
});

describe('apertium process with a tap (stand-in pipelines)', () => {
  it('gives each segment its tapped copy, the pipeline answering in order', async () => {
    const p = new ApertiumProcess({ mode: 'copy', pipeline: 'tee >(exec cat >&3) | cat', tap: true });
    try {
      const outs = await p.translate(['one[]', 'two[]']);
      expect(outs.map((o) => o.out)).toEqual(['one[]', 'two[]']);
      expect(outs.map((o) => o.tap!.toString('utf8'))).toEqual(['[<!--tw0-->]one[]', '[<!--tw1-->]two[]']);
    } finally {
      await p.close();
    }
  });

  it('fails the call and restarts when the tap loses its alignment', async () => {
    const p = new ApertiumProcess({ mode: 'garble', pipeline: "tee >(exec sed -u -z 's/tw[0-9]*/xx/' >&3) | cat", tap: true });
    try {
      await expect(p.translate(['one[]'])).rejects.toMatchObject({ code: 'translate.engine_desync' });
      expect(p.pid()).toBeNull();
    } finally {
      await p.close();
    }
  });

  it('after a pipeline that lost its place is killed, the next call gets a fresh one, untouched by the old one dying', async () => {
    // "DOUBLE" comes back as two segments: the next call's answer is shifted by one.
    const p = new ApertiumProcess({ mode: 'split', pipeline: "sed -u -z 's/DOUBLE/a\\x00b/'" });
    try {
      const first = p.translate(['DOUBLE[]']);
      const second = p.translate(['two[]']);
      expect((await first)[0]!.out).toBe('a');
      await expect(second).rejects.toMatchObject({ code: 'translate.engine_desync' });
      // Written before the old pipeline's exit is seen: that exit must not fail it.
      expect((await p.translate(['three[]']))[0]!.out).toBe('three[]');
      expect((await p.translate(['four[]']))[0]!.out).toBe('four[]');
    } finally {
      await p.close();
    }
  });
});

describe('apertium engine (real, eng-spa)', () => {
  let engine: ApertiumEngine;
  beforeAll(() => {
    requireApertium();
    engine = createApertiumEngine();
  });
  afterAll(async () => engine?.close());

  it('discovers pairs from the machine', async () => {
    expect(await engine.pairs()).toContainEqual({ from: 'en', to: 'es' });
    expect(await engine.version()).toMatch(/eng-spa@\d+/);
  });

  it('translates many segments in one call, markup kept, on one warm process', async () => {
    const segs = ['The <b>house</b> is red.', 'I have <a href="https://x.test/a?b=1&amp;c=2">two dogs</a>.', 'Prices rose 3.5% in 2020 [sic].'];
    const out = await engine.translate(segs, 'en', 'es');
    expect(out[0]).toBe('La <b>casa</b> es roja.');
    expect(out[1]).toContain('<a href="https://x.test/a?b=1&amp;c=2">');
    expect(out[1]).toContain('</a>');
    expect(out[2]).toContain('[sic]');
    const [first] = engine.processes();
    const many = Array.from({ length: 300 }, (_, i) => `Sentence ${i} is about the war.`);
    const out2 = await engine.translate(many, 'en', 'es');
    expect(out2).toHaveLength(300);
    expect(out2[299]).toMatch(/^Frase 299 .*guerra\.$/);
    expect(engine.processes()).toEqual([{ mode: 'eng-spa', pid: first!.pid, restarts: 0 }]);
  });

  it('pipelines concurrent calls and keeps each answer with its call', async () => {
    const words = ['cat', 'dog', 'house', 'tree', 'car', 'book'];
    const outs = await Promise.all(words.map((w) => engine.translate([`The ${w} is red.`, `I see the ${w}.`], 'en', 'es')));
    const es = ['gato', 'perro', 'casa', 'árbol', 'coche', 'libro'];
    outs.forEach((o, i) => {
      expect(o[0]).toContain(es[i]);
      expect(o[1]).toContain(es[i]);
    });
    expect(engine.processes()[0]!.restarts).toBe(0);
  });

  it('gives each segment its lexicon from the same pass, on the same warm process', async () => {
    const segs = ['President <b>Trump</b> met the leader of South Africa.', 'Apple sold apples.'];
    const [plain, withLexicon] = await Promise.all([engine.translate(segs, 'en', 'es'), engine.translateWithLexicon(segs, 'en', 'es')]);
    expect(withLexicon.texts).toEqual(plain);
    expect(plain[0]).toContain('Triunfo');
    expect(withLexicon.lexicons[0]!()).toEqual(expect.arrayContaining([{ source: 'Trump', targets: ['Triunfo'] }, { source: 'South Africa', targets: ['Sudáfrica'] }]));
    expect(withLexicon.lexicons[1]!().map((e) => e.source)).toEqual(expect.arrayContaining(['Apple', 'apple']));
    // Read once: the same lexicon the second time.
    expect(withLexicon.lexicons[1]!()).toBe(withLexicon.lexicons[1]!());
    expect(engine.processes()).toHaveLength(1);
  });

  it('restarts the pipeline after a crash', async () => {
    await engine.translate(['Good morning.'], 'en', 'es');
    const pid = engine.processes()[0]!.pid!;
    process.kill(-pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 100));
    const out = await engine.translate(['The cat sleeps.'], 'en', 'es');
    expect(out[0]).toMatch(/gato/);
    expect(engine.processes()[0]!.pid).not.toBe(pid);
  });

  it('keeps its place after a segment that ends in carets (lrx-proc misreads an escaped one there)', async () => {
    const out = await engine.translate(['I did this today ^_^', 'The house is red.', 'a <b title="x^y">^</b>'], 'en', 'es');
    expect(out[0]).toMatch(/hoy \^_\^$/);
    expect(out[1]).toBe('La casa es roja.');
    expect(out[2]).toMatch(/^un <b title="x\^y">\^<\/b>$/i);
    expect(engine.processes()[0]!.restarts).toBe(0);
  });

  it('rejects a pair that is not installed as permanent', async () => {
    await expect(engine.translate(['x'], 'en', 'xx')).rejects.toMatchObject({ code: 'translate.no_pair', retry: 'never' });
  });
});
