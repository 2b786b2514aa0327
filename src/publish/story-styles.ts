/**
 * The story pages' rules (the sources, the updates timeline, the disagreement table) and the story
 * links of articles and cards; appended to the site's one stylesheet (assets.ts). Logical
 * properties only: one sheet for both directions.
 */
export const STORY_CSS = `
.story-link{margin:.6rem 0 0;font-size:.9rem;font-weight:600}
.meta a.sources{color:inherit}
.story-page section{margin-block-start:2.25rem}
.story-page .kicker a{text-decoration:underline}
.disagreements table{width:100%;border-collapse:collapse;font-size:.95rem;margin:0 0 1rem}
.disagreements th,.disagreements td{text-align:start;vertical-align:top;padding:.5rem .6rem;border-block-end:1px solid var(--line)}
.said{overflow-wrap:anywhere}
.disagreements thead th{font-size:.75rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);border-block-end:2px solid var(--rule)}
[dir=rtl] .disagreements thead th{letter-spacing:0;font-size:.9rem}
.disagreements tbody th{font-weight:700}
.disagreements .value{font-weight:700;font-variant-numeric:tabular-nums}
.said{list-style:none;margin:0;padding:0}
.said li+li{margin-block-start:.3rem}
.said q{color:var(--muted)}
.timeline{list-style:none;margin:0;padding:0;border-inline-start:2px solid var(--line)}
.timeline li{position:relative;padding-inline-start:1.1rem;margin-block-end:1rem}
.timeline li::before{content:"";position:absolute;inset-inline-start:-.45rem;top:.4rem;width:.8rem;height:.8rem;border-radius:50%;background:var(--kicker)}
.timeline time{font-size:.85rem;color:var(--muted)}
.timeline .outlet{font-weight:700;font-size:.9rem;margin-inline-start:.4rem}
.timeline p{margin:.15rem 0 0}
.members{list-style:none;margin:0;padding:0}
.members>li{border-block-start:1px solid var(--line);padding-block:.7rem}
.members p{margin:.2rem 0}
.who{font-size:.9rem;color:var(--muted)}
.who .outlet{color:var(--fg);font-weight:700}
.also{font-size:.9rem;color:var(--muted)}
`.trim();
