/**
 * The review, correction and published pages' own rules, on the console's colours: source and
 * translation side by side on a wide screen, stacked on a phone (no sideways scrolling).
 */
export const EDITORIAL_CSS = `
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0 0 1rem; }
.facts dt { font-weight: 600; color: var(--muted); }
.facts dd { margin: 0; min-width: 0; }
.state { display: inline-block; padding: 0 0.5rem; border-radius: 1rem; border: 1px solid var(--line); font-size: 0.85rem; }
.state-held, .state-rejected, .state-gone { background: var(--err-bg); color: var(--err-fg); }
.state-flagged { background: #fff4ce; color: #5c4400; }
.state-published, .state-approved, .state-live { background: var(--ok-bg); color: var(--ok-fg); }
.check { display: inline-block; padding: 0 0.4rem; border: 1px solid var(--line); border-radius: 3px; font-size: 0.8rem; margin: 0.1rem 0; }
.original, .path { color: var(--muted); font-size: 0.88rem; }
.gate { padding: 0.5rem 0.8rem; border-left: 4px solid var(--muted); background: var(--panel); }
.gate-hold { border-left-color: var(--danger); }
.gate-publish-flagged { border-left-color: #b7791f; }
.gate-publish { border-left-color: var(--ok-fg); }
.done { padding: 0.6rem 0.9rem; border-radius: 4px; background: var(--ok-bg); color: var(--ok-fg); }
.warn { padding: 0.5rem 0.8rem; background: var(--err-bg); color: var(--err-fg); }
.units { display: flex; flex-direction: column; gap: 0.75rem; }
.unit { display: grid; grid-template-columns: 5rem minmax(0, 1fr) minmax(0, 1fr); gap: 0.3rem 1rem; padding: 0.6rem; border: 1px solid var(--line); border-radius: 4px; }
.unit-flagged { border-left: 5px solid var(--danger); }
.unit-label { font-weight: 700; color: var(--muted); }
.unit-label .flag { display: block; font-size: 0.75rem; color: var(--danger); }
.unit-source, .unit-target { min-width: 0; }
.side { display: block; font-size: 0.8rem; font-weight: 600; color: var(--muted); margin-bottom: 0.15rem; }
.unit-target textarea { width: 100%; min-height: 3rem; resize: vertical; field-sizing: content; }
.unit .findings { grid-column: 2 / -1; margin: 0; padding-left: 1.2rem; }
.finding { margin: 0.15rem 0; }
.finding .detail { color: var(--muted); font-size: 0.9rem; }
.sev-error strong { color: var(--danger); }
mark { background: #ffe58f; color: #1f1a00; padding: 0 0.1em; }
mark.was { background: #ffd6d3; color: #4a0f0b; }
mark.now { background: #d3f0dc; color: #0d3319; }
.actions { display: flex; flex-wrap: wrap; gap: 0.5rem 0.75rem; align-items: flex-end; margin: 1rem 0; }
.actions label { margin: 0; }
.actions .hold-reason input { width: 16rem; max-width: 100%; }
.actions .note { flex-basis: 100%; }
.actions .note textarea { width: 100%; }
button.primary { font-weight: 600; }
.retranslate, .takedown, .restore { margin: 1rem 0; padding: 0.75rem; border: 1px solid var(--line); border-radius: 4px; }
.retranslate label { display: inline; }
.takedown fieldset { border: 0; padding: 0; margin: 0 0 0.5rem; }
.takedown fieldset label { font-weight: 400; display: block; }
.takedown h2 { margin-top: 0; }
.history .revisions { padding-left: 1.5rem; }
.diff del { background: #ffd6d3; color: #4a0f0b; }
.diff ins { background: #d3f0dc; color: #0d3319; text-decoration: none; }
.corrections { padding-left: 1.2rem; }
.empty { color: var(--muted); }
@media (max-width: 40rem) {
  table.queue caption, table.published caption { display: block; }
  td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; color: var(--muted); }
}
@media (max-width: 50rem) {
  .unit { grid-template-columns: minmax(0, 1fr); }
  .unit .findings { grid-column: 1; }
  .facts { grid-template-columns: minmax(0, 1fr); }
  .facts dd { margin-bottom: 0.4rem; }
}
`;
