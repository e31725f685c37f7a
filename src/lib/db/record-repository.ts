import { liveQuery, type Observable } from 'dexie';
import type { ParticipantRecord } from '../domain/participant.js';
import { parseRecord, type DomainRecord } from '../domain/records.js';
import type { Validated } from '../domain/validation.js';
import type { ConflictResolution } from '../protocol/sync-conflict.js';
import type { SealedChange } from './outbox.js';
import { caseRows } from './case-rows.js';
import { openRecordRow, recordContext, syncedRowOf } from './held-copy.js';
import { guessHolds, guessOf, guessRow, rememberRow, type RowGuess } from './known-rows.js';
import { nameIndexOf } from './name-index.js';
import { caseIdOf, clearFieldsOf, docIdOf } from './record-keys.js';
import { requireKey, sealContext, sealFor } from './sealing.js';
import { rebaseEdit } from './seen-edit.js';
import type { OutboxRow, StoredRecord, UserDb } from './user-db.js';

export { recordContext };
export { caseIdOf, clearFieldsOf, docIdOf };

/** A save whose guessed row keeps being replaced (a pull landing each time) gives up after this many tries. */
const MAX_SAVE_ATTEMPTS = 5;

export const outboxContext = (row: Pick<OutboxRow, 'mutationId' | 'docId'>) => sealContext('outbox', row.mutationId, row.docId);

/** A record sealed into its stored row, ready for a transaction that must not await WebCrypto. */
export async function sealRecordRow(db: UserDb, record: DomainRecord): Promise<StoredRecord> {
	const clear = clearFieldsOf(record);
	return { ...clear, enc: await sealFor(db, recordContext(clear), record) };
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

export interface RecordRepositoryOptions {
	now?: () => string;
	newId?: () => string;
}

/** The only way pages read and write case records: validated, encrypted, queued for sync. */
export function recordRepository(db: UserDb, options: RecordRepositoryOptions = {}) {
	const now = options.now ?? (() => new Date().toISOString());
	const newId = options.newId ?? (() => crypto.randomUUID());
	const openRecord = (row: StoredRecord) => openRecordRow(db, row);
	const openKnown = async (row: StoredRecord) => {
		const record = await openRecord(row);
		rememberRow(db, row, record);
		return record;
	};

	/**
	 * The save's one transaction. Guessed new, the row is added with no read first: a row that is
	 * there after all fails the add, which undoes the outbox entry too. Guessed known, the row is
	 * read, so a pull committed since the guess is never lost or misdescribed. The writes are sent
	 * together, not one after the other. Returns the row found when the guess no longer holds.
	 */
	async function writeSave(guess: RowGuess, stored: StoredRecord, queued: OutboxRow): Promise<{ latest?: StoredRecord } | undefined> {
		if (guess.absent) {
			try {
				await db.transaction('rw', db.records, db.outbox, () => Promise.all([db.records.add(stored), db.outbox.add(queued)]));
				return undefined;
			} catch (error) {
				const latest = (error as Error).name === 'ConstraintError' ? await db.records.get(stored.id) : undefined;
				if (!latest) throw error; // not a row that was there after all
				return { latest };
			}
		}
		const write = async () => {
			const latest = await db.records.get(stored.id);
			if (!guessHolds(guess, latest)) return { latest };
			// A row that was also the server's copy hands that copy, as sealed, to `synced`
			// before the edit replaces it: the push diffs against it.
			if (latest?.copy && !(await db.synced.get(stored.id))) await db.synced.put(syncedRowOf(latest));
			await Promise.all([db.records.put(stored), db.outbox.add(queued)]);
		};
		// The server copy moves to `synced` only from a row that holds it, so only then is it in scope.
		return guess.copy ? db.transaction('rw', db.records, db.outbox, db.synced, write) : db.transaction('rw', db.records, db.outbox, write);
	}

	/**
	 * Writes an edit onto the row as last seen on this device (a guess, so no read comes first), and
	 * checks inside the transaction that the row is still that one; when a pull replaced it, the
	 * edit is moved onto the new row and tried again. With `basedOn`, only what the person changed
	 * on their screen is applied to the record as it is now (see seen-edit.ts).
	 */
	async function saveEdit(edited: DomainRecord, saveOptions: SaveOptions): Promise<Validated<DomainRecord>> {
		const clear = { id: docIdOf(edited), type: edited.type, caseId: caseIdOf(edited) };
		const entry = { mutationId: newId(), docId: clear.id, type: edited.type, caseId: clear.caseId, op: 'put' as const, at: now() };
		const seen = saveOptions.basedOn?.id === edited.id && saveOptions.basedOn.type === edited.type ? saveOptions.basedOn : undefined;
		// Without `basedOn` the record sealed does not depend on the row it replaces: seal it once.
		const early = seen ? undefined : sealFor(db, recordContext(clear), edited);
		early?.catch(() => undefined); // awaited below; not left unhandled if a seal fails first
		let guess = guessRow(db, clear.id);
		for (let attempt = 1; ; attempt++) {
			const current = guess.absent ? undefined : guess.record;
			const rebased = current && seen ? rebaseEdit(seen, edited, current) : undefined;
			const checked = rebased ? parseRecord(rebased.record) : { ok: true as const, value: edited };
			if (!checked.ok) return checked;
			const record = checked.value;
			// What the person saw before this edit: the change pushed is only what they altered.
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
			const missed = await writeSave(guess, stored, queued);
			if (!missed) {
				rememberRow(db, stored, record);
				return checked;
			}
			if (attempt >= MAX_SAVE_ATTEMPTS) throw new Error('This record kept changing on the device while it was being saved');
			guess = guessOf(missed.latest, missed.latest && (await openRecord(missed.latest)));
		}
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
			return saveEdit(parsed.value, saveOptions);
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
			return row && openKnown(row);
		},

		/** Everything on the device about one case, decrypted. */
		async readCase(caseId: string): Promise<DomainRecord[]> {
			requireKey(db);
			return Promise.all((await caseRows(db.records, caseId)).map(openKnown));
		},

		watchCase(caseId: string): Observable<DomainRecord[]> {
			// Remembered too: an edit made from a watched screen then saves without a read first.
			return liveQuery(async () => (requireKey(db), Promise.all((await caseRows(db.records, caseId)).map(openKnown))));
		},

		/**
		 * Names are encrypted, so nothing is indexed in clear: the device decrypts its participants
		 * once after unlock and searches them in memory until the vault locks (see name-index.ts).
		 */
		searchParticipants: (text: string): Promise<ParticipantRecord[]> => nameIndexOf(db).search(text)
	};
}

export type RecordRepository = ReturnType<typeof recordRepository>;
