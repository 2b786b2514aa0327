import { htmlToText as plainText } from '../shared/text.ts';
import { boundedMemo } from './bounded-memo.ts';

// The translation side names shared/'s helpers by these names; the rules live in shared/.
export { decodeEntities } from '../shared/entities.ts';
export { escapeHtml as escapeHtmlText } from '../shared/escape-html.ts';

/**
 * Plain text of an HTML fragment (shared/text.ts's rules). The orchestrator and the fidelity gate
 * each need the text of every segment: answers are remembered.
 */
export const htmlToText = boundedMemo(4096, plainText);
