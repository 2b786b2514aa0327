import { htmlToText as plainText } from '../shared/text.ts';
import { boundedMemo } from './bounded-memo.ts';

/**
 * Plain text of an HTML fragment: shared/text.ts's htmlToText, by the same name and rules, with its
 * answers remembered (the orchestrator and the fidelity gate each need the text of every segment).
 * Escaping and entity decoding are imported from shared/ under their own names.
 */
export const htmlToText = boundedMemo(4096, plainText);
