import { esc } from './html.ts';

/** Text for XML: escaped, and without the control characters XML 1.0 forbids. */
export function x(value: string | number | null | undefined): string {
  return esc(value === null || value === undefined ? '' : String(value).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));
}

/** A CDATA section that survives `]]>` inside the text. */
export function cdata(value: string): string {
  const clean = value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  return `<![CDATA[${clean.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}
