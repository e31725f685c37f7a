/**
 * express-pouchdb's validate_doc_update (pouchdb-validation) reads a database's design documents
 * again for every document written, whether or not any of them has a rule: most of the cost of a
 * `_bulk_docs` (50 documents: ~28 ms with the read, ~9 ms without, on this machine). The read is
 * kept here per database copy and counts as stale once a design document is written to, or the
 * database destroyed, through any copy of that name: a changed rule binds from the next write on,
 * as before. Only the exact read pouchdb-validation makes is kept; every other read goes through.
 */
type Method = (...args: unknown[]) => unknown;
type Db = Record<string, unknown>;

const WRITES = ['bulkDocs', 'put', 'post', 'remove', 'putAttachment', 'removeAttachment', 'destroy'] as const;
const generations = new Map<string, number>();

function isDesignLookup(args: unknown[]): boolean {
	const [options] = args;
	if (args.length !== 1 || typeof options !== 'object' || options === null) return false;
	const { startkey, endkey, include_docs: bodies, ...rest } = options as Record<string, unknown>;
	return startkey === '_design/' && endkey === '_design0' && bodies === true && Object.keys(rest).length === 0;
}

const isDesignId = (id: unknown) => typeof id !== 'string' || id.startsWith('_design/');

/** Whether a write may touch a design document; any shape not understood counts as one. */
function touchesDesign(method: (typeof WRITES)[number], args: unknown[]): boolean {
	if (method === 'destroy') return true;
	const [first] = args;
	if (typeof first === 'string') return isDesignId(first);
	const docs = Array.isArray(first) ? first : (first as { docs?: unknown } | null)?.docs;
	if (Array.isArray(docs)) return docs.some((doc) => typeof doc !== 'object' || doc === null || ('_id' in doc && isDesignId(doc._id)));
	if (typeof first === 'object' && first !== null) return method === 'post' ? '_id' in first && isDesignId((first as { _id: unknown })._id) : isDesignId((first as { _id?: unknown })._id);
	return true;
}

const isThenable = (value: unknown): value is PromiseLike<unknown> => typeof (value as { then?: unknown } | null)?.then === 'function';

/** Keeps pouchdb-validation's read of `name`'s design documents on this copy of the database. */
export function cacheDesignLookups(name: string, db: Db): void {
	const bump = () => void generations.set(name, (generations.get(name) ?? 0) + 1);
	const allDocs = db.allDocs as Method;
	let kept: { generation: number; answer: Promise<unknown> } | undefined;
	db.allDocs = function (this: unknown, ...args: unknown[]) {
		if (!isDesignLookup(args)) return allDocs.apply(this, args);
		const generation = generations.get(name) ?? 0;
		if (kept?.generation !== generation) {
			const answer = Promise.resolve(allDocs.apply(this, args));
			kept = { generation, answer };
			answer.catch(() => {
				if (kept?.answer === answer) kept = undefined;
			});
		}
		return kept.answer;
	};
	for (const method of WRITES) {
		const original = db[method];
		if (typeof original !== 'function') continue;
		db[method] = function (this: unknown, ...args: unknown[]) {
			if (!touchesDesign(method, args)) return (original as Method).apply(this, args);
			bump();
			// Again once written: a read made meanwhile may have seen the documents before the write.
			const last = args.at(-1);
			if (typeof last === 'function') args[args.length - 1] = (...answer: unknown[]) => (bump(), (last as Method)(...answer));
			const result = (original as Method).apply(this, args);
			if (isThenable(result)) result.then(bump, bump);
			return result;
		};
	}
}
