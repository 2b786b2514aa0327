import { EventEmitter } from 'node:events';

/**
 * In-process signal that pages were written: when the worker and the web server share a process
 * (`transwire run`, tests) the web cache refreshes at once instead of at its next poll.
 */
export const pageEvents = new EventEmitter();
pageEvents.setMaxListeners(100);

export function notifyPagesChanged(): void {
  pageEvents.emit('changed');
}
