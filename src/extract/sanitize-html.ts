/**
 * The one allowlist for every piece of HTML we store or publish. Built on sanitize-html, with URLs
 * made absolute and checked here (srcset per candidate), links made inert for referrer and SEO
 * leakage, and iframes kept only from video hosts, sandboxed. Sanitizing its output again changes
 * nothing (a property test holds it to that).
 */
import sanitize from 'sanitize-html';

const IFRAME_HOSTS = ['www.youtube.com', 'www.youtube-nocookie.com', 'youtube.com', 'player.vimeo.com', 'www.dailymotion.com', 'www.loom.com'];
const SAFE_IMAGE_DATA = /^data:image\/(?:png|jpe?g|gif|webp|avif);base64,[a-z0-9+/=\s]+$/i;

function absolute(value: string | undefined, base: string, allowImageData = false): string | null {
  if (value === undefined) return null;
  const v = value.trim();
  if (allowImageData && SAFE_IMAGE_DATA.test(v)) return v.replace(/\s+/g, '');
  try {
    const u = new URL(v, base);
    if (u.protocol === 'http:' || u.protocol === 'https:' || (u.protocol === 'mailto:' && !allowImageData)) return u.href;
  } catch {
    // An unparseable URL is dropped like an unsafe one.
  }
  return null;
}

/** Every candidate checked on its own; the bad ones dropped, the rest made absolute. */
function cleanSrcset(value: string, base: string): string | null {
  const out: string[] = [];
  for (const candidate of value.split(/,(?=\s*\S)/)) {
    const [url, ...descriptor] = candidate.trim().split(/\s+/);
    const abs = absolute(url, base);
    const d = descriptor.join(' ');
    if (abs && !/[\s,]/.test(abs) && (!d || /^\d+(?:\.\d+)?[wx]$/.test(d))) out.push(d ? `${abs} ${d}` : abs);
  }
  return out.length ? out.join(', ') : null;
}

function urlAttrs(attribs: sanitize.Attributes, base: string, names: string[], imageData = false): sanitize.Attributes {
  const out: sanitize.Attributes = { ...attribs };
  for (const name of names) {
    if (!(name in out)) continue;
    const abs = absolute(out[name], base, imageData);
    if (abs === null) delete out[name];
    else out[name] = abs;
  }
  return out;
}

/** Attributes with a fixed form are held to it (no URL or script smuggled into a `lang` or a `datetime`). */
function checkLangDir(attribs: sanitize.Attributes): sanitize.Attributes {
  const out = { ...attribs };
  if (out.lang !== undefined && !/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(out.lang)) delete out.lang;
  if (out.dir !== undefined && !/^(?:ltr|rtl|auto)$/.test(out.dir)) delete out.dir;
  if (out.datetime !== undefined && !/^[0-9T:.,+\-Z ]{4,40}$/.test(out.datetime)) delete out.datetime;
  for (const n of ['colspan', 'rowspan', 'start', 'width', 'height'] as const) if (out[n] !== undefined && !/^\d{1,5}$/.test(out[n])) delete out[n];
  return out;
}

/**
 * Tags dropped with their content. sanitize-html's own default list (script, style, textarea,
 * option, xmp — kept here in full: passing a list replaces it, and the library does not export it;
 * a test holds ours to drop whatever its defaults drop) plus the raw-text elements htmlparser2
 * reads as one text node (noembed, noframes, plaintext: their "text" is markup) and what a story
 * never needs.
 */
const LIBRARY_NON_TEXT_TAGS = ['script', 'style', 'textarea', 'option', 'xmp'];
const NON_TEXT_TAGS = [...LIBRARY_NON_TEXT_TAGS, 'noembed', 'noframes', 'plaintext', 'noscript', 'template', 'title', 'head', 'iframe', 'object', 'embed', 'svg', 'math', 'select', 'button'];

function options(baseUrl: string): sanitize.IOptions {
  return {
    allowedTags: [
      'p', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'hr', 'br',
      'figure', 'figcaption', 'img', 'picture', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
      'a', 'b', 'strong', 'i', 'em', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small', 'mark', 'code', 'kbd', 'q', 'cite', 'abbr', 'time', 'span', 'iframe',
    ],
    allowedAttributes: {
      a: ['href', 'title', 'rel'],
      // One class survives, on paragraphs only: the standfirst, which the site styles.
      p: ['class'],
      img: ['src', 'srcset', 'alt', 'title', 'width', 'height'],
      iframe: ['src', 'width', 'height', 'title', 'allowfullscreen', 'sandbox', 'loading'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan', 'scope'],
      ol: ['start', 'reversed'],
      blockquote: ['cite'],
      q: ['cite'],
      time: ['datetime'],
      abbr: ['title'],
      '*': ['lang', 'dir'],
    },
    allowedClasses: { p: ['standfirst'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https', 'data'], iframe: ['https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    allowedIframeHostnames: IFRAME_HOSTS,
    // An image or frame whose source was unsafe is removed whole, not left as an empty shell.
    exclusiveFilter: (frame) => (frame.tag === 'img' || frame.tag === 'iframe') && !frame.attribs.src,
    allowIframeRelativeUrls: false,
    disallowedTagsMode: 'discard',
    nonTextTags: NON_TEXT_TAGS,
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...urlAttrs(attribs, baseUrl, ['href']), rel: 'noopener noreferrer nofollow' } }),
      img: (tagName, attribs) => {
        const out = urlAttrs(attribs, baseUrl, ['src'], true);
        if (out.srcset !== undefined) {
          const srcset = cleanSrcset(out.srcset, baseUrl);
          if (srcset) out.srcset = srcset;
          else delete out.srcset;
        }
        return { tagName, attribs: out };
      },
      iframe: (tagName, attribs) => ({
        tagName,
        attribs: { ...urlAttrs(attribs, baseUrl, ['src']), sandbox: 'allow-scripts allow-same-origin allow-presentation' },
      }),
      blockquote: (tagName, attribs) => ({ tagName, attribs: urlAttrs(attribs, baseUrl, ['cite']) }),
      q: (tagName, attribs) => ({ tagName, attribs: urlAttrs(attribs, baseUrl, ['cite']) }),
      h1: 'h2',
      '*': (tagName, attribs) => ({ tagName, attribs: checkLangDir(attribs) }),
    },
    // An iframe's content is never shown, and htmlparser2 ≥ 12 reads it as raw text, which the
    // sanitizer escapes again on every pass (&amp; → &amp;amp;): it is dropped.
    textFilter: (text, tagName) => (tagName === 'iframe' ? '' : text),
    parser: { lowerCaseTags: true, lowerCaseAttributeNames: true },
  };
}

export function sanitizeHtml(html: string, baseUrl: string): string {
  const opts = options(baseUrl);
  // Dropping a disallowed wrapper can leave nesting that parses differently next time
  // (<td><div><td> → <td><td></td></td> → <td></td><td></td>), so run to a fixed point.
  let out = sanitize(html, opts);
  for (let i = 0; i < 4; i++) {
    const again = sanitize(out, opts);
    if (again === out) break;
    out = again;
  }
  return out;
}
