import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/feeds/xml-tokenizer.ts';

function tokens(xml: string): string[] {
  const out: string[] = [];
  tokenize(xml, {
    open: (n, a, sc) => out.push(`open ${n}${Object.keys(a).length ? ' ' + JSON.stringify(a) : ''}${sc ? ' /' : ''}`),
    close: (n) => out.push(`close ${n}`),
    text: (t) => out.push(`text ${JSON.stringify(t)}`),
    cdata: (t) => out.push(`cdata ${JSON.stringify(t)}`),
    declaration: (d) => out.push(`decl ${d}`),
    recover: (p) => out.push(`recover ${p}`),
  });
  return out;
}

describe('tokenize', () => {
  it.each([
    ['<a x="1>2" y=\'q"\' z=bare w>t</a >', ['open a {"x":"1>2","y":"q\\"","z":"bare","w":""}', 'text "t"', 'close a']],
    ['<A HREF="X"/>', ['open a {"href":"X"} /']],
    ['</ spaced >', ['close spaced']],
    ['a < b', ['text "a "', 'recover bare "<" in text (read as text)', 'text "<"', 'text " b"']],
    ['<![CDATA[<x>]]>', ['cdata "<x>"']],
    ['<!-- <x> -->y', ['text "y"']],
    ['<?xml version="1.0"?><r/>', ['open r /']],
    ['<!DOCTYPE r [<!ENTITY e "a>b">]><r/>', ['decl <!DOCTYPE r [<!ENTITY e "a>b">]>', 'open r /']],
    ['<a x="1" x="2">', ['open a {"x":"1"}']],
    ['<a x="1', ['recover tag cut off at the end of the document', 'open a {"x":"1"}']],
    ['<a __proto__="p" b="c"/>', ['open a {"b":"c"} /']],
    ['<title foo <link>', ['recover tag without ">"', 'open title {"foo":""}', 'open link']],
  ])('%s', (xml, expected) => {
    expect(tokens(xml)).toEqual(expected);
  });
});
