import * as v from 'valibot';
import { pullResponseSchema, type PullResponse } from '../protocol/sync-pull.js';

/**
 * Splits a streamed answer into its newline-ended lines, however the bytes are cut (mid-line,
 * mid-character). Each piece is searched once: a page of half a megabyte arriving in forty
 * pieces is not scanned forty times. A last line with no newline was cut off: it is never a line.
 */
export function lineSplitter(onLine: (line: string) => void): { push(bytes: Uint8Array): void } {
	const decoder = new TextDecoder();
	let pieces: string[] = [];
	return {
		push(bytes) {
			const text = decoder.decode(bytes, { stream: true });
			let [from, newline] = [0, 0];
			while ((newline = text.indexOf('\n', from)) >= 0) {
				pieces.push(text.slice(from, newline));
				const line = pieces.join('');
				[pieces, from] = [[], newline + 1];
				if (line.trim() !== '') onLine(line);
			}
			if (from < text.length) pieces.push(text.slice(from));
		}
	};
}

/** One line of a streamed pull, checked against the protocol. */
export function parsePageLine(line: string): PullResponse {
	const parsed = v.safeParse(pullResponseSchema, JSON.parse(line));
	if (!parsed.success) throw new Error('The server sent a page this app does not understand.');
	return parsed.output;
}
