import { createHash } from 'node:crypto';

/**
 * The site's only stylesheet and icon. Logical properties (inline-start/end) so one sheet serves
 * left-to-right and right-to-left pages; dark mode by `prefers-color-scheme`. No script at all:
 * back-to-top and the language switch are plain links, so the CSP can forbid every script.
 */
const CSS = `
:root{--bg:#fff;--fg:#1a1a1a;--muted:#555;--line:#ddd;--accent:#0b5cad;--warn-bg:#fff4d6;--warn-fg:#5c3d00;--card:#f6f6f4;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif;line-height:1.55;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#121212;--fg:#ececec;--muted:#b0b0b0;--line:#333;--accent:#8cc4ff;--warn-bg:#3a2c00;--warn-fg:#ffe4a3;--card:#1d1d1d}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);padding-block-end:4rem}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible,summary:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;inset-inline-start:.5rem;top:-4rem;background:var(--bg);padding:.5rem 1rem;z-index:10}
.skip:focus{top:.5rem}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem}
header.site{border-block-end:1px solid var(--line)}
header.site .wrap{display:flex;flex-wrap:wrap;gap:.75rem 1.5rem;align-items:center;padding-block:.75rem}
.brand{font-size:1.5rem;font-weight:800;text-decoration:none;color:var(--fg)}
nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.langs{margin-inline-start:auto}
.langs a[aria-current]{font-weight:700;color:var(--fg)}
form.search{display:flex;gap:.5rem;flex:1 1 12rem;min-width:0;max-width:28rem}
form.search input{flex:1 1 0;width:0;min-width:0;padding:.45rem .6rem;font:inherit;border:1px solid var(--muted);border-radius:4px;background:var(--bg);color:var(--fg)}
form.search button{padding:.45rem .8rem;font:inherit;border:1px solid var(--accent);border-radius:4px;background:var(--accent);color:var(--bg);cursor:pointer}
.topics{border-block-end:1px solid var(--line);font-size:.95rem}
.topics .wrap{padding-block:.5rem}
main{padding-block:1.5rem}
h1{font-size:clamp(1.6rem,4vw,2.4rem);line-height:1.2;margin:.2rem 0 .8rem}
.meta,.updated,.muted{color:var(--muted);font-size:.9rem}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:1.25rem;list-style:none;padding:0;margin:0}
.card{background:var(--card);padding:1rem;border-radius:6px}
.card h2,.card h3{font-size:1.15rem;line-height:1.3;margin:.2rem 0 .5rem}
.card h2 a,.card h3 a{color:var(--fg);text-decoration:none}
.card h2 a:hover,.card h3 a:hover{text-decoration:underline}
.pic{display:block;margin:-1rem -1rem .75rem}
.pic img{display:block;width:100%;height:auto;aspect-ratio:16/9;object-fit:cover;border-radius:6px 6px 0 0}
.lead .pic{margin:0 0 1rem}
.lead .pic img{border-radius:6px;max-height:28rem}
.lead{padding:1.25rem 0;margin-block-end:1.5rem;border-block-end:1px solid var(--line)}
.lead h2{font-size:clamp(1.4rem,3.5vw,2rem);line-height:1.2;margin:.2rem 0 .6rem}
.lead h2 a{color:var(--fg)}
.tag{display:inline-block;font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.flag{display:inline-block;font-size:.8rem;background:var(--warn-bg);color:var(--warn-fg);padding:.05rem .4rem;border-radius:3px}
mark{background:#ffe066;color:#000}
article.story{max-width:44rem}
.standfirst{font-size:1.2rem;color:var(--muted);margin:0 0 1rem}
.notice{border-inline-start:4px solid var(--accent);background:var(--card);padding:.75rem 1rem;margin:1rem 0}
.warning{border-inline-start:4px solid #c77700;background:var(--warn-bg);color:var(--warn-fg);padding:.75rem 1rem;margin:1rem 0}
.body{font-size:1.1rem}
.body img{max-width:100%;height:auto}
.body figure{margin:1.5rem 0}
.body figcaption,.caption{color:var(--muted);font-size:.9rem}
.body blockquote{margin:1rem 0;padding-inline-start:1rem;border-inline-start:3px solid var(--line)}
dl.provenance{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;background:var(--card);padding:1rem;border-radius:6px;font-size:.95rem}
dl.provenance dt{font-weight:600}
dl.provenance dd{margin:0;overflow-wrap:anywhere}
.share ul,.alternates ul{display:flex;flex-wrap:wrap;gap:.5rem 1rem;list-style:none;padding:0}
.pager{display:flex;justify-content:space-between;margin-block:2rem}
footer.site{border-block-start:1px solid var(--line);margin-block-start:2rem;padding-block:1.5rem;font-size:.9rem}
footer.site ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem}
.to-top{position:fixed;inset-block-end:1rem;inset-inline-end:1rem;background:var(--accent);color:var(--bg);padding:.5rem .8rem;border-radius:2rem;text-decoration:none;font-weight:600;box-shadow:0 1px 4px rgba(0,0,0,.3)}
.to-top:focus-visible{outline-color:var(--fg)}
#top{scroll-margin-top:0}
[dir=rtl] .body{font-size:1.15rem}
@media (max-width:40rem){.langs{margin-inline-start:0}dl.provenance{grid-template-columns:1fr}.to-top{padding:.4rem .7rem}}
`.trim();

const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5cad"/><path d="M8 9h16v3h-6.5v12h-3V12H8z" fill="#fff"/></svg>`;

export interface Asset {
  path: string;
  contentType: string;
  body: string;
}

function fingerprinted(name: string, ext: string, contentType: string, body: string): Asset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { path: `/assets/${name}.${hash}.${ext}`, contentType, body };
}

export const STYLESHEET = fingerprinted('site', 'css', 'text/css; charset=utf-8', CSS);
export const ICON_ASSET = fingerprinted('icon', 'svg', 'image/svg+xml', ICON);
export const ASSETS: Asset[] = [STYLESHEET, ICON_ASSET];
