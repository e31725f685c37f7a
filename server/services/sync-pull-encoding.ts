import { PassThrough, type Readable } from 'node:stream';
import { constants, createBrotliCompress, createGzip, type BrotliCompress, type Gzip } from 'node:zlib';

export type PullEncoding = 'br' | 'gzip' | 'identity';

/** Brotli this low is as quick as gzip and still smaller; higher qualities cost the server seconds on a caseload. */
const BROTLI_QUALITY = 4;

/** The q-value the client gives `coding`, or its `*`, or undefined when it names neither. */
function weightOf(accepted: Map<string, number>, coding: string): number | undefined {
	return accepted.get(coding) ?? accepted.get('*');
}

/** Brotli when the client takes it, else gzip, else none (`accept-encoding` weights of 0 refuse). */
export function chooseEncoding(acceptEncoding: string | string[] | undefined): PullEncoding {
	const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
	const accepted = new Map<string, number>();
	for (const part of header.split(',')) {
		const [name = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
		if (name === '') continue;
		const q = params.find((p) => p.startsWith('q='));
		const weight = q === undefined ? 1 : Number(q.slice(2));
		accepted.set(name === 'x-gzip' ? 'gzip' : name, Number.isFinite(weight) ? weight : 0);
	}
	if ((weightOf(accepted, 'br') ?? 0) > 0) return 'br';
	if ((weightOf(accepted, 'gzip') ?? 0) > 0) return 'gzip';
	return 'identity';
}

function compressor(encoding: Exclude<PullEncoding, 'identity'>): { stream: BrotliCompress | Gzip; flush: number } {
	if (encoding === 'br')
		return {
			stream: createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } }),
			flush: constants.BROTLI_OPERATION_FLUSH
		};
	// A sync flush ends the page on a byte boundary yet keeps the dictionary, unlike a full flush.
	return { stream: createGzip(), flush: constants.Z_SYNC_FLUSH };
}

/**
 * The pages as one answer in `encoding`, each page flushed as soon as it is written, so the device
 * decodes and stores it while the next is still being read from the store. (A compressor left to
 * itself holds everything back until its buffer fills, which for a caseload is the whole answer.)
 * At most one page is made ahead of the one being sent, so a slow device slows the reading.
 * A failure part-way is passed to `onError` and ends the answer abruptly, as a dropped connection.
 */
export function encodePages(pages: AsyncIterable<string>, encoding: PullEncoding, onError: (error: unknown) => void): Readable {
	const { stream, flush } = encoding === 'identity' ? { stream: new PassThrough(), flush: undefined } : compressor(encoding);
	const iterator = pages[Symbol.asyncIterator]();
	// The device went away: stop reading the store for it.
	stream.once('close', () => void iterator.return?.().catch(() => undefined));
	const written = (chunk: string) =>
		new Promise<void>((resolve, reject) => {
			const done = (error?: Error | null) => (error ? reject(error) : resolve());
			if (flush === undefined) stream.write(chunk, done);
			else {
				stream.write(chunk);
				(stream as BrotliCompress | Gzip).flush(flush, () => (stream.destroyed ? reject(new Error('The answer was closed')) : resolve()));
			}
		});
	void (async () => {
		try {
			// The next page is made (read, checked, audited) while this one is compressed and sent.
			const ahead = () => {
				const page = iterator.next();
				page.catch(() => undefined); // awaited next turn, unless the device has gone by then
				return page;
			};
			let coming = ahead();
			for (;;) {
				const next = await coming;
				if (next.done || stream.destroyed) break;
				coming = ahead();
				await written(next.value);
			}
			stream.end();
		} catch (error) {
			if (stream.destroyed) return;
			onError(error);
			stream.destroy(error instanceof Error ? error : new Error(String(error)));
		}
	})();
	return stream;
}
