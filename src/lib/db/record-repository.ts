import { liveQuery, type Observable } from 'dexie';
import { caseChildDocId, caseDocId, serviceDocId } from '../domain/ids.js';
import { displayName, type ParticipantRecord } from '../domain/participant.js';
import { parseRecord, type DomainRecord } from '../domain/records.js';
import type { Validated } from '../domain/validation.js';
import type { ConflictResolution } from '../protocol/sync-conflict.js';
import type { SealedChange } from './outbox.js';
import { openRecordRow, recordContext, syncedRowOf } from './held-copy.js';
import { requireKey, sealContext, sealFor } from './sealing.js';
import { rebaseEdit } from './seen-edit.js';
import type { OutboxRow, StoredRecord, UserDb } from './user-db.js';

export { recordContext };

/** The case a record belongs to: a case is its own; service records belong to none. */
export function caseIdOf(record: DomainRecord): string | undefined {
	return record.type === 'case' ? record.id : 'caseId' in record ? record.caseId : undefined;
}

export function docIdOf(record: DomainRecord): string {
	const caseId = caseIdOf(record);
	if (record.type === 'case') return caseDocId(record.id);
	return caseId ? caseChildDocId(caseId, record.type, record.id) : serviceDocId(record.type, record.id);
}

export const outboxContext = (row: Pick<OutboxRow, 'mutationId' | 'docId'>) => sealContext('outbox', row.mutationId, row.docId);

/** A record sealed into its stored row, ready for a transaction that must not await WebCrypto. */
export async function sealRecordRow(db: UserDb, record: DomainRecord): Promise<StoredRecord> {
	const clear = { id: docIdOf(record), type: record.type, caseId: caseIdOf(record) };
	const row: StoredRecord = { ...clear, createdAt: record.createdAt, updatedAt: record.updatedAt, enc: await sealFor(db, recordContext(clear), record) };
	if (row.caseId === undefined) delete row.caseId;
	return row;
}

export interface SaveOptions {
	/** Conflicts this save settles; sealed into the same outbox entry and sent as `resolves`. */
	resolves?: ConflictResolution[];
	/**
	 * The record as the person's screen loaded it. A pull may have changed the record since; then
	 * only the fields the person changed are applied to it, and a colleague's change survives.
	 */
	basedOn?: DomainRecord;
}

/** Tries before a save writes even though pulls keep changing the record under it. */
const SAVE_ATTEMPTS = 5;

/** The same stored version of a row (or both absent): each seal has an IV of its own. */
function sameRow(a: StoredRecord | undefined, b: StoredRecord | undefined): boolean {
	if (!a || !b) return a === b;
	return a.enc.iv.length === b.enc.iv.length && a.enc.iv.every((byte, i) => byte === b.enc.iv[i]);
}

export interface RecordRepositoryOptions {
	now?: () => string;
	newId?: () => string;
}

/** The only way pages read and write case records: validated, encrypted, queued for sync. */
export function recordRepository(db: UserDb, options: RecordRepositoryOptions = {}) {
	const now = options.now ?? (() => new Date().toISOString());
	const newId = options.newId ?? (() => crypto.randomUUID());
	const openRecord = (row: StoredRecord) => openRecordRow(db, row);

	/**
	 * One try at a save; undefined when the record changed on the device (a pull) between reading
	 * it and writing, so the edit is moved onto it again. With `basedOn`, only what the person
	 * changed on their screen is applied to the record as it is now.
	 */
	async function saveOnce(edited: DomainRecord, saveOptions: SaveOptions, mayRetry: boolean): Promise<Validated<DomainRecord> | undefined> {
		const clear = { id: docIdOf(edited), type: edited.type, caseId: caseIdOf(edited) };
		const entry = { mutationId: newId(), docId: clear.id, type: edited.type, caseId: clear.caseId, op: 'put' as const, at: now() };
		// Without `basedOn` the record is sealed while the one it replaces is read: they do not depend on each other.
		const early = saveOptions.basedOn ? undefined : sealFor(db, recordContext(clear), edited);
		early?.catch(() => undefined); // awaited below; not left unhandled if the read fails first
		// What the person saw before this edit: the change pushed is only what they altered.
		const previous = await db.records.get(clear.id);
		const current = previous && (await openRecord(previous));
		const seen = saveOptions.basedOn?.id === edited.id && saveOptions.basedOn.type === edited.type ? saveOptions.basedOn : undefined;
		const rebased = current && seen ? rebaseEdit(seen, edited, current) : undefined;
		const checked = rebased ? parseRecord(rebased.record) : { ok: true as const, value: edited };
		if (!checked.ok) return checked;
		const record = checked.value;
		const before = rebased?.before ?? current;
		const [recordEnc, entryEnc] = await Promise.all([
			early ?? sealFor(db, recordContext(clear), record),
			sealFor(db, outboxContext(entry), {
				op: 'put',
				record,
				...(before ? { before } : {}),
				...(saveOptions.resolves?.length ? { resolves: saveOptions.resolves } : {}),
				at: entry.at
			} satisfies SealedChange)
		]);
		const stored: StoredRecord = { ...clear, createdAt: record.createdAt, updatedAt: record.updatedAt, enc: recordEnc };
		if (stored.caseId === undefined) delete stored.caseId;
		const queued: OutboxRow = { ...entry, enc: entryEnc };
		if (queued.caseId === undefined) delete queued.caseId;
		return db.transaction('rw', db.records, db.outbox, db.synced, async () => {
			// Read again here: a pull committed since the read above must not be written over.
			const latest = await db.records.get(clear.id);
			if (mayRetry && !sameRow(latest, previous)) return undefined;
			// A row that was also the server's copy hands that copy, as sealed, to `synced` before
			// the edit replaces it: the push diffs against it.
			if (latest?.copy && !(await db.synced.get(clear.id))) await db.synced.put(syncedRowOf(latest));
			await db.records.put(stored);
			await db.outbox.add(queued);
			return checked;
		});
	}

	return {
		/**
		 * Validates with the domain schema, then writes the record and its outbox entry in one
		 * transaction: after a crash both are on the device or neither is. Bad input changes nothing.
		 * A person's decision on a conflict travels in the same entry, so it is pushed with its value.
		 */
		async save(input: unknown, saveOptions: SaveOptions = {}): Promise<Validated<DomainRecord>> {
			const parsed = parseRecord(input);
			if (!parsed.ok) return parsed;
			for (let attempt = 1; ; attempt++) {
				const saved = await saveOnce(parsed.value, saveOptions, attempt < SAVE_ATTEMPTS);
				if (saved) return saved;
			}
		},

		/**
		 * Stores records the server sent (a pull): sealed, in one transaction, with no outbox entry,
		 * since the server already has them. Invalid ones are skipped and returned.
		 */
		async storeSynced(inputs: unknown[]): Promise<{ stored: number; rejected: unknown[] }> {
			const rejected: unknown[] = [];
			const valid = inputs.flatMap((input) => {
				const parsed = parseRecord(input);
				return parsed.ok ? [parsed.value] : (rejected.push(input), []);
			});
			const rows = await Promise.all(valid.map((record) => sealRecordRow(db, record)));
			await db.transaction('rw', db.records, () => db.records.bulkPut(rows));
			return { stored: rows.length, rejected };
		},

		async get(docId: string): Promise<DomainRecord | undefined> {
			requireKey(db);
			const row = await db.records.get(docId);
			return row && openRecord(row);
		},

		/** Everything on the device about one case, decrypted. */
		async readCase(caseId: string): Promise<DomainRecord[]> {
			requireKey(db);
			const rows = await db.records.where('caseId').equals(caseId).toArray();
			return Promise.all(rows.map(openRecord));
		},

		watchCase(caseId: string): Observable<DomainRecord[]> {
			return liveQuery(async () => (requireKey(db), Promise.all((await db.records.where('caseId').equals(caseId).toArray()).map(openRecord))));
		},

		/** Names are encrypted, so a search decrypts participants on the device; nothing is indexed in clear. */
		async searchParticipants(text: string): Promise<ParticipantRecord[]> {
			requireKey(db);
			const needle = text.trim().toLocaleLowerCase('en-GB');
			const rows = await db.records.where('type').equals('participant').toArray();
			const people = (await Promise.all(rows.map(openRecord))) as ParticipantRecord[];
			return people.filter((p) => `${p.name} ${displayName(p)}`.toLocaleLowerCase('en-GB').includes(needle));
		}
	};
}

export type RecordRepository = ReturnType<typeof recordRepository>;
