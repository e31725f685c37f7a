import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { isUnlocked, onKeysDropped } from '../crypto/keyring.js';
import { displayName, type ParticipantRecord } from '../domain/participant.js';
import { openRecordRow } from './held-copy.js';
import { requireKey } from './sealing.js';
import type { StoredRecord, UserDb } from './user-db.js';
import { writeLayer } from './write-layer.js';

const lower = (text: string) => text.toLocaleLowerCase('en-GB');
const haystackOf = (p: ParticipantRecord) => lower(`${p.name} ${displayName(p)}`);

interface Entry {
	person: ParticipantRecord;
	haystack: string;
}

/**
 * The device's participants, decrypted once after unlock and held in memory only, so a search by
 * name reads no rows. Every write to `records` (a save, a pull, a purge) marks what it touched;
 * the next search re-reads just those rows. Locking empties it: names never outlive the keys.
 */
class NameIndex {
	#entries = new Map<string, Entry>();
	#built = false;
	#touched = new Set<string>();
	/** Bumped by every forget and every wholesale change, so a read started before one is discarded. */
	#generation = 0;
	#pending: Promise<void> | undefined;

	constructor(private readonly db: UserDb) {}

	touched(ids: Iterable<string>): void {
		for (const id of ids) this.#touched.add(id);
	}

	/** A write whose rows are not known one by one (a range delete): rebuild at the next search. */
	invalidate(): void {
		this.#built = false;
		this.#generation++;
	}

	forget(): void {
		this.#entries.clear();
		this.#touched.clear();
		this.#built = false;
		this.#generation++;
	}

	get size(): number {
		return this.#entries.size;
	}

	async search(text: string): Promise<ParticipantRecord[]> {
		while (!this.#built || this.#touched.size > 0) {
			requireKey(this.db);
			await (this.#pending ??= this.#catchUp().finally(() => (this.#pending = undefined)));
		}
		requireKey(this.db);
		const needle = lower(text.trim());
		// Copies: a caller editing a result must not change what the index holds.
		return [...this.#entries.values()].filter((entry) => entry.haystack.includes(needle)).map((entry) => structuredClone(entry.person));
	}

	async #catchUp(): Promise<void> {
		const generation = this.#generation;
		const whole = !this.#built;
		const ids = whole ? [] : [...this.#touched];
		this.#touched.clear();
		const rows = whole
			? await this.db.records.where('type').equals('participant').toArray()
			: ((await this.db.records.bulkGet(ids)).filter((row) => row?.type === 'participant') as StoredRecord[]);
		const opened = await Promise.all(rows.map(async (row) => [row.id, (await openRecordRow(this.db, row)) as ParticipantRecord] as const));
		// Locked, or changed wholesale, while decrypting: these names are not kept.
		if (generation !== this.#generation || !isUnlocked(this.db.userId)) return;
		if (whole) this.#entries.clear();
		for (const id of ids) this.#entries.delete(id);
		for (const [id, person] of opened) this.#entries.set(id, { person, haystack: haystackOf(person) });
		this.#built = true;
	}
}

const indexes = new WeakMap<UserDb, NameIndex>();
const live = new Set<NameIndex>();
onKeysDropped(() => {
	for (const index of live) index.forget();
});

export function nameIndexOf(db: UserDb): NameIndex {
	let index = indexes.get(db);
	if (!index) {
		indexes.set(db, (index = new NameIndex(db)));
		live.add(index);
	}
	return index;
}

/** Builds the index ahead of the first search; for right after unlock. */
export async function warmNameIndex(db: UserDb): Promise<void> {
	await nameIndexOf(db).search('');
}

function participantIds(req: DBCoreMutateRequest): string[] | 'all' {
	if (req.type === 'deleteRange') return 'all';
	if (req.type === 'delete') return req.keys as string[];
	return (req.values as StoredRecord[]).filter((row) => row.type === 'participant').map((row) => row.id);
}

/**
 * A DBCore layer on `records` telling the index what each write touched, both when it is made
 * and when its transaction commits: a re-read in between would otherwise keep the old row.
 */
export function nameIndexWrites(index: () => NameIndex): Middleware<DBCore> {
	return writeLayer(
		'tandem-name-index',
		(_table, req) => {
			const ids = participantIds(req);
			const mark = () => (ids === 'all' ? index().invalidate() : index().touched(ids));
			mark();
			(req.trans as Partial<EventTarget>).addEventListener?.('complete', mark);
		},
		(table) => table === 'records'
	);
}
