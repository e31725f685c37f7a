/**
 * Whether `incoming` is older than `held`, a revision this round's own push just stored. Revisions
 * are opaque, but a CouchDB `_rev` starts with its generation (`3-abc…`). When either is not of that
 * shape, the server's answer is taken. Not used against revisions held from earlier rounds: after a
 * restore from backup the server's older revision is the truth (see docs/sync.md).
 */
export function isOlderRevision(incoming: string, held: string): boolean {
	const generation = (rev: string) => {
		const match = /^(\d+)-/.exec(rev);
		return match ? Number(match[1]) : undefined;
	};
	const [a, b] = [generation(incoming), generation(held)];
	if (a === undefined || b === undefined) return false;
	// The same revision is stored again: its conflicts live beside it and may have changed.
	return a < b;
}
