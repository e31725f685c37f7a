import * as crypto from 'node:crypto';

/** One stored version of a document, as a pull lists it. */
export interface Version { id: string; rev: string; hash: string }

/**
 * A pull checkpoint is the set of document versions a device holds for one case (or for the
 * service-wide records): for each `(docId, _rev)` it was sent, 48 bits of SHA-256, sorted, in
 * base64url, after a version tag. The server lists the case's key range (ids and revs only, no
 * bodies) and sends every version not in the set.
 *
 * Why not a sequence number: CouchDB 3's seqs are opaque and differ per shard, the embedded store's
 * are integers, and catching up from a seq means reading the `_changes` of the whole service. A set
 * of versions needs nothing but `_all_docs` key ranges, is the same on both stores, and stays right
 * whatever order writes commit in (no clock, no window, no race with a write in flight): a version
 * is either in the set or it is sent. A new revision has a new hash (a miss needs a 2^-48 collision).
 */
export const CHECKPOINT_TAG = 'v1.';
const HASH_CHARS = 8; // 6 bytes of base64url

/**
 * A pull hashes every version of the caller's cases (5,000 for a caseload), so the one-shot hash
 * (Node 20.12+, about 3× quicker than a Hash object each) is used where there is one. The first
 * 8 base64url characters of the digest are exactly its first 6 bytes, so both give the same text.
 */
const sha256 = (text: string): string =>
	typeof crypto.hash === 'function' ? crypto.hash('sha256', text, 'base64url') : crypto.createHash('sha256').update(text).digest('base64url');

export function versionHash(docId: string, rev: string): string {
	return sha256(`${docId}\n${rev}`).slice(0, HASH_CHARS);
}

/** The versions a checkpoint stands for; anything unreadable is an empty set (everything is sent again, which is harmless). */
export function readCheckpoint(checkpoint: string | undefined): Set<string> {
	if (!checkpoint?.startsWith(CHECKPOINT_TAG)) return new Set();
	const body = checkpoint.slice(CHECKPOINT_TAG.length);
	if (body.length % HASH_CHARS !== 0 || !/^[A-Za-z0-9_-]*$/.test(body)) return new Set();
	const hashes = new Set<string>();
	for (let at = 0; at < body.length; at += HASH_CHARS) hashes.add(body.slice(at, at + HASH_CHARS));
	return hashes;
}

export function writeCheckpoint(hashes: Iterable<string>): string {
	return CHECKPOINT_TAG + [...new Set(hashes)].sort().join('');
}

/** The most versions one checkpoint can name within the schema's length limit. */
export const maxVersionsPerCheckpoint = (maxLength: number) => Math.floor((maxLength - CHECKPOINT_TAG.length) / HASH_CHARS);
