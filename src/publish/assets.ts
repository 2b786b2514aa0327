import { createHash } from 'node:crypto';
import { STORY_CSS } from './story-styles.ts';

/**
 * The site's only stylesheet and icon. Logical properties (inline-start/end) so one sheet serves
 * left-to-right and right-to-left pages; dark mode by `prefers-color-scheme`. No script at all:
 * back-to-top and the language switch are plain links (back-to-top floats only where CSS can tie it
 * to scrolling), so the CSP can forbid every script. Fonts are the reader's own: no request elsewhere.
 */
const CSS = `
:root{--bg:#fff;--fg:#121212;--muted:#595959;--line:#e3e3e3;--rule:#121212;--accent:#0a58a6;--kicker:#b3261e;--warn-bg:#fff4d6;--warn-fg:#553800;--warn-line:#c77700;--card:#f5f4f0;--footer:#f5f4f0;
--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic","Helvetica Neue",Arial,sans-serif;
--serif:Charter,"Bitstream Charter","Sitka Text",Cambria,Georgia,"Noto Serif","DejaVu Serif","Noto Naskh Arabic",serif;
font-family:var(--sans);line-height:1.6;color-scheme:light dark;-webkit-text-size-adjust:100%;text-size-adjust:100%}
@media (prefers-color-scheme:dark){:root{--bg:#121212;--fg:#ebe9e6;--muted:#a9a7a3;--line:#303030;--rule:#ebe9e6;--accent:#8cc4ff;--kicker:#ff8f85;--warn-bg:#3a2c00;--warn-fg:#ffe4a3;--warn-line:#e0a030;--card:#1c1c1c;--footer:#1a1a1a}}
:lang(ar),:lang(fa),:lang(ur){--sans:"Noto Sans Arabic","Noto Naskh Arabic",system-ui,"Segoe UI",Tahoma,sans-serif;--serif:"Noto Naskh Arabic","Amiri","Noto Sans Arabic","Times New Roman",serif}
:lang(he){--sans:"Noto Sans Hebrew",system-ui,Arial,sans-serif;--serif:"Noto Serif Hebrew","Noto Sans Hebrew",Georgia,serif}
*,*::before,*::after{box-sizing:border-box}
html{overflow-wrap:break-word}
body{margin:0;background:var(--bg);color:var(--fg);font-size:1rem;min-height:100vh;display:flex;flex-direction:column}
body>main{flex:1 0 auto;width:100%}
main.wrap>p,main.wrap>h1{max-width:44rem}
img,svg,video{max-width:100%;height:auto}
a{color:var(--accent);text-underline-offset:.15em}
a:focus-visible,button:focus-visible,input:focus-visible,summary:focus-visible,[tabindex]:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;inset-inline-start:.5rem;top:-4rem;background:var(--bg);color:var(--fg);padding:.5rem 1rem;z-index:10}
.skip:focus{top:.5rem}
.wrap{max-width:72rem;margin:0 auto;padding:0 1.25rem}
h1,h2,h3{font-family:var(--serif);font-weight:700;letter-spacing:-.01em}
[dir=rtl] h1,[dir=rtl] h2,[dir=rtl] h3{letter-spacing:0}
/* Masthead: the publication's name, a line under it, tools to the side; then the sections bar. */
.masthead .masthead-bar{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.75rem 2rem;padding-block:1.25rem .9rem}
.brand{font-family:var(--serif);font-size:clamp(1.75rem,1.2rem + 2.2vw,2.6rem);font-weight:800;line-height:1.05;letter-spacing:-.02em;text-decoration:none;color:var(--fg)}
.tagline{margin:.25rem 0 0;color:var(--muted);font-size:.85rem}
.tools{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.25rem;flex:0 1 28rem;min-width:0;justify-content:flex-end}
form.search{display:flex;gap:.4rem;flex:1 1 14rem;min-width:0}
form.search input{flex:1 1 0;width:0;min-width:0;padding:.45rem .7rem;font:inherit;font-size:.95rem;border:1px solid var(--muted);border-radius:2rem;background:var(--bg);color:var(--fg)}
form.search input::placeholder{color:var(--muted);opacity:1}
form.search button{padding:.45rem .9rem;font:inherit;font-size:.9rem;font-weight:600;border:1px solid var(--fg);border-radius:2rem;background:var(--fg);color:var(--bg);cursor:pointer}
nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.langs{font-size:.9rem}
.langs a{color:var(--muted)}
.langs a[aria-current]{font-weight:700;color:var(--fg);text-decoration:none}
nav.sections{border-block:3px solid var(--rule);border-block-end-width:1px;border-block-end-color:var(--line)}
nav.sections ul{flex-wrap:nowrap;gap:0 1.4rem;overflow-x:auto;scrollbar-width:thin;white-space:nowrap}
nav.sections a{display:block;padding-block:.7rem;color:var(--fg);text-decoration:none;font-size:.8rem;font-weight:700;letter-spacing:.07em;text-transform:uppercase}
[dir=rtl] nav.sections a{letter-spacing:0;font-size:.95rem}
nav.sections a:hover{color:var(--kicker)}
nav.sections a[aria-current]{box-shadow:inset 0 -3px 0 var(--kicker)}
main.wrap{padding-block:1.75rem 2.5rem;display:block}
h1{font-size:clamp(1.75rem,1.2rem + 2.4vw,2.6rem);line-height:1.15;margin:.2rem 0 .8rem}
.section-title,main>h1.section-title{font-family:var(--sans);font-size:.8rem;font-weight:800;text-transform:uppercase;letter-spacing:.08em;line-height:1.3;border-block-start:2px solid var(--rule);padding-block-start:.55rem;margin:0 0 1rem}
[dir=rtl] .section-title{letter-spacing:0;font-size:.95rem}
.section-title a{color:var(--fg);text-decoration:none}
.section-title a:hover{text-decoration:underline}
.meta,.updated,.muted{color:var(--muted);font-size:.85rem}
.updated{margin:-.5rem 0 1.25rem}
/* Cards: picture, kicker, headline, excerpt, outlet and date; a hairline between them. */
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,16rem),1fr));gap:1.75rem 1.5rem;list-style:none;padding:0;margin:0 0 2rem}
.card{min-width:0;border-block-start:1px solid var(--line);padding-block-start:.9rem}
.card h2,.card h3{font-size:1.2rem;line-height:1.25;margin:.15rem 0 .45rem}
.card h2 a,.card h3 a{color:var(--fg);text-decoration:none}
.card h2 a:hover,.card h3 a:hover{text-decoration:underline}
.card .excerpt{margin:0 0 .5rem;color:var(--muted);font-size:.95rem;line-height:1.5}
.card .meta{margin:0}
.pic{display:block;margin:0 0 .75rem}
.pic img{display:block;width:100%;height:auto;aspect-ratio:16/9;object-fit:cover;background:var(--card)}
.tag{display:inline-block;font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.06em;color:var(--kicker)}
[dir=rtl] .tag{letter-spacing:0;font-size:.85rem}
.flag{display:inline-block;font-size:.75rem;background:var(--warn-bg);color:var(--warn-fg);padding:.05rem .4rem;border-radius:3px}
.lead{margin-block-end:2.25rem;padding-block-end:2rem;border-block-end:1px solid var(--line)}
.lead h2{font-size:clamp(1.6rem,1.1rem + 2vw,2.5rem);line-height:1.12;margin:.2rem 0 .7rem}
.lead h2 a{color:var(--fg);text-decoration:none}
.lead h2 a:hover{text-decoration:underline}
.lead .excerpt{font-family:var(--serif);font-size:1.15rem;line-height:1.5;color:var(--muted);margin:0 0 .75rem}
.lead .pic{margin-block-end:1rem}
@media (min-width:48rem){.lead{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);column-gap:2rem;align-content:start}
.lead .pic{grid-column:1;grid-row:1 / span 6;margin:0}.lead>:not(.pic){grid-column:2}.lead .tag{align-self:end}}
.section{margin-block-start:1rem}
mark{background:#ffe066;color:#000;padding:0 .1em}
/* The article: a centred reading column. */
article.story{max-width:44rem;margin-inline:auto}
.story-head{margin-block-end:1.25rem}
.kicker{margin:0 0 .4rem;font-size:.8rem;font-weight:800;text-transform:uppercase;letter-spacing:.08em}
[dir=rtl] .kicker{letter-spacing:0;font-size:.95rem}
.kicker a{color:var(--kicker);text-decoration:none}
.story h1{font-size:clamp(1.9rem,1.3rem + 2.6vw,3rem);line-height:1.1;margin:0 0 .9rem}
.standfirst{font-family:var(--serif);font-size:clamp(1.15rem,1rem + .6vw,1.4rem);line-height:1.45;color:var(--muted);margin:0 0 1rem}
.byline{color:var(--muted);font-size:.9rem;margin:0;padding-block:.75rem 0;border-block-start:1px solid var(--line)}
.byline .author{color:var(--fg);font-weight:700}
.byline a{color:var(--fg)}
.notice{border-inline-start:4px solid var(--accent);background:var(--card);padding:.7rem 1rem;margin:1.25rem 0;font-size:.9rem;line-height:1.5}
.corrections{border-inline-start:4px solid var(--warn-line);background:var(--card);padding:.5rem 1rem;margin:1.25rem 0;font-size:.95rem;line-height:1.5}.correction{margin:.2rem 0}
.warning{border-inline-start:4px solid var(--warn-line);background:var(--warn-bg);color:var(--warn-fg);padding:.7rem 1rem;margin:1.25rem 0;font-size:.95rem;line-height:1.5}
.warning p{margin:0}.warning p+p{margin-block-start:.4rem}
.warning a{color:inherit;font-weight:600}
figure.lead-image{margin:1.5rem 0 1.75rem;max-width:100%}
figure.lead-image img{display:block;width:100%;height:auto;background:var(--card)}
figure.lead-image figcaption{color:var(--muted);font-size:.85rem;line-height:1.45;padding-block-start:.5rem;border-block-end:1px solid var(--line);padding-block-end:.5rem}
.body{font-family:var(--serif);font-size:1.1875rem;line-height:1.7}
.body p{margin:0 0 1.2em}
.body h2,.body h3{font-size:1.4rem;line-height:1.25;margin:1.8em 0 .6em}
.body h3{font-size:1.2rem}
.body img{max-width:100%;height:auto}
.body figure{margin:1.75rem 0}
.body figcaption,.caption{font-family:var(--sans);color:var(--muted);font-size:.85rem;line-height:1.45;padding-block-start:.4rem}
.body blockquote{margin:1.5rem 0;padding-inline-start:1.1rem;border-inline-start:3px solid var(--kicker);font-style:italic}
.body ul,.body ol{padding-inline-start:1.4rem}
.body li{margin-block-end:.4em}
.body table{display:block;max-width:100%;overflow-x:auto;border-collapse:collapse;font-family:var(--sans);font-size:.9rem}
.body pre{max-width:100%;overflow-x:auto}
.body iframe,.body video{max-width:100%}
/* A passage the fidelity gate flagged: marked in the margin, named by the warning. */
[data-check]{border-inline-start:3px solid var(--warn-line);padding-inline-start:.7rem;background:linear-gradient(to right,var(--warn-bg),transparent 60%)}
[dir=rtl] [data-check]{background:linear-gradient(to left,var(--warn-bg),transparent 60%)}
[data-check]:target{outline:2px solid var(--warn-line);outline-offset:4px}
.story-topics{margin:2rem 0 1.25rem;display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem}
.story-topics h2{font-family:var(--sans);font-size:.8rem;text-transform:uppercase;letter-spacing:.08em;margin:0;color:var(--muted)}
.story-topics ul{gap:.5rem}
.story-topics a{display:inline-block;border:1px solid var(--line);border-radius:2rem;padding:.2rem .8rem;font-size:.9rem;text-decoration:none;color:var(--fg)}
.story-topics a:hover{border-color:var(--fg)}
dl.provenance{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.3rem 1rem;background:var(--card);padding:1rem 1.1rem;margin:1.5rem 0;font-size:.9rem}
dl.provenance dt{font-weight:600}
dl.provenance dd{margin:0;overflow-wrap:anywhere}
.alternates h2,.share h2{font-family:var(--sans);font-size:.8rem;text-transform:uppercase;letter-spacing:.08em;margin:1.25rem 0 .4rem;color:var(--muted)}
.share ul,.alternates ul{display:flex;flex-wrap:wrap;gap:.5rem 1rem;list-style:none;padding:0;margin:0;font-size:.9rem}
.read-next{margin-block-start:2.5rem}
.pager{display:flex;justify-content:space-between;gap:1rem;margin-block:2rem;font-weight:600}
footer.site{background:var(--footer);border-block-start:3px solid var(--rule);padding-block:1.75rem 1.25rem;font-size:.9rem;color:var(--muted)}
footer.site .brand{font-size:1.4rem}
footer.site p{margin:.4rem 0}
footer.site ul{list-style:none;padding:0;margin:.75rem 0;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem}
.to-top-row{display:flex;justify-content:flex-end;margin:0}
/* Back to top: at the end of the page, in the flow, so it never covers text. Where the browser
   can tie it to scrolling and the window leaves a margin beside the text, it floats in that
   margin once the reader has scrolled. */
.to-top{display:inline-flex;align-items:center;gap:.35rem;padding:.45rem .9rem;border:1px solid var(--line);border-radius:2rem;background:var(--bg);color:var(--fg);text-decoration:none;font-weight:600}
.to-top:hover{border-color:var(--fg)}
.to-top:focus-visible{outline-color:var(--fg)}
#top{scroll-margin-top:0}
#top:focus{outline:none}
@keyframes to-top-reveal{from{opacity:0;visibility:hidden}to{opacity:1;visibility:visible}}
@supports (animation-timeline:scroll()){@media (min-width:80rem){
.to-top{position:fixed;z-index:5;inset-block-end:1.25rem;inset-inline-end:max(.5rem,calc((100% - 72rem) / 4 - 1.375rem));width:2.75rem;height:2.75rem;padding:0;justify-content:center;border-radius:50%;background:var(--fg);color:var(--bg);border-color:var(--fg);font-size:1.2rem;box-shadow:0 2px 6px rgba(0,0,0,.25);
opacity:0;visibility:hidden;animation:to-top-reveal linear both;animation-timeline:scroll(root block);animation-range:0 30rem}
.to-top-label{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}}}
@media (max-width:40rem){.wrap{padding:0 1rem}.masthead .masthead-bar{padding-block:1rem .75rem}.tools{flex:1 1 100%;justify-content:space-between}dl.provenance{grid-template-columns:minmax(0,1fr)}dl.provenance dd{margin-block-end:.35rem}.body{font-size:1.125rem}}
@media print{.masthead .tools,nav.sections,.share,.to-top,.read-next{display:none}}
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

export const STYLESHEET = fingerprinted('site', 'css', 'text/css; charset=utf-8', `${CSS}\n${STORY_CSS}`);
export const ICON_ASSET = fingerprinted('icon', 'svg', 'image/svg+xml', ICON);
export const ASSETS: Asset[] = [STYLESHEET, ICON_ASSET];
