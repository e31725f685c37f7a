import type { Couch } from '../store/couch.js';
import { updateDoc } from '../store/documents.js';

interface CounterDoc {
	_id: string;
	_rev?: string;
	type: 'counter';
	v: 1;
	last: number;
}

/**
 * Case references RJ-<year>-<number>, counted per year in `counter:case-reference:<year>` with a
 * `_rev`-conditional write, so two processes never hand out the same number.
 */
export function caseReferences(couch: Couch) {
	const db = couch.dbs.records;
	return {
		async next(now: Date): Promise<string> {
			const year = now.getUTCFullYear();
			const id = `counter:case-reference:${year}`;
			const saved = await updateDoc<CounterDoc>(db, id, (current) => ({ _id: id, type: 'counter', v: 1, last: (current?.last ?? 0) + 1 }));
			return `RJ-${year}-${String(saved?.last ?? 1).padStart(4, '0')}`;
		}
	};
}

export type CaseReferences = ReturnType<typeof caseReferences>;
