import { randomBytes } from 'node:crypto';
import type { PracticeEntry, PracticeEntryRequest } from '../../src/lib/domain/practice-record.js';
import { DEFAULT_PRACTICE_SETTINGS, type PracticeSettings } from '../../src/lib/domain/practice-settings.js';
import type { Couch } from '../store/couch.js';
import { docsWithPrefix, getDoc, updateDoc } from '../store/documents.js';

/**
 * Facilitators' practice records in the accounts database, `practice:<userId>:<entryId>`: about
 * staff, not cases, so outside every case's range and never pulled to a tablet. Each change is
 * written to the append-only audit database too, under `practice:<userId>:` or `practice-settings:`.
 */
type EntryDoc = PracticeEntry & { _id: string; _rev?: string; type: 'practice-entry'; v: 1 };

interface SettingsDoc extends PracticeSettings {
	_id: string;
	_rev?: string;
	type: 'settings';
	v: 1;
	updatedBy: string;
	updatedAt: string;
}

export interface PracticeAuditEntry {
	action: 'entry-added' | 'settings-changed';
	/** The facilitator whose record changed (not for settings). */
	userId?: string;
	entryId?: string;
	kind?: PracticeEntry['kind'];
	byUserId: string;
	deviceId?: string;
	serverTime: string;
	settings?: { before: PracticeSettings; after: PracticeSettings };
}

const SETTINGS_ID = 'settings:practice';
const entryPrefix = (userId: string) => `practice:${userId}:`;
const auditPrefix = (userId: string | undefined) => (userId ? `practice:${userId}:` : 'practice-settings:');
const strip = ({ _id: _i, _rev: _r, type: _t, v: _v, ...entry }: EntryDoc): PracticeEntry => entry as PracticeEntry;

export function practiceStore(couch: Couch) {
	const accounts = couch.dbs.accounts;
	const audit = couch.dbs.audit;
	const appendAudit = async (entry: PracticeAuditEntry) => {
		await audit.insert({ _id: `${auditPrefix(entry.userId)}${entry.serverTime}:${randomBytes(6).toString('hex')}`, type: 'practice-audit', v: 1, ...entry } as never);
	};

	const readSettings = async (): Promise<PracticeSettings> => {
		const doc = await getDoc<SettingsDoc>(accounts, SETTINGS_ID);
		if (!doc) return DEFAULT_PRACTICE_SETTINGS;
		const { supervisionIntervalWeeks, observationIntervalMonths, accreditationWarningDays } = doc;
		return { supervisionIntervalWeeks, observationIntervalMonths, accreditationWarningDays };
	};

	return {
		/** Everyone's entries, grouped by facilitator: one key range. */
		async allEntries(): Promise<Map<string, PracticeEntry[]>> {
			const byUser = new Map<string, PracticeEntry[]>();
			for (const doc of await docsWithPrefix<EntryDoc>(accounts, 'practice:')) byUser.set(doc.userId, [...(byUser.get(doc.userId) ?? []), strip(doc)]);
			return byUser;
		},

		entriesOf: async (userId: string): Promise<PracticeEntry[]> => (await docsWithPrefix<EntryDoc>(accounts, entryPrefix(userId))).map(strip),

		/** Records an entry and its audit line; the entry is written first, so the audit never names one that is not there. */
		async add(userId: string, request: PracticeEntryRequest, actor: { user: { id: string }; deviceId?: string }, now: Date): Promise<PracticeEntry> {
			const id = `${now.toISOString().slice(0, 10)}-${randomBytes(5).toString('hex')}`;
			const entry = { ...request, id, userId, recordedBy: actor.user.id, recordedAt: now.toISOString() } as PracticeEntry;
			await accounts.insert({ _id: `${entryPrefix(userId)}${id}`, type: 'practice-entry', v: 1, ...entry } as never);
			await appendAudit({ action: 'entry-added', userId, entryId: id, kind: request.kind, byUserId: actor.user.id, ...(actor.deviceId ? { deviceId: actor.deviceId } : {}), serverTime: now.toISOString() });
			return entry;
		},

		settings: readSettings,

		async setSettings(settings: PracticeSettings, actor: { user: { id: string }; deviceId?: string }, now: Date): Promise<PracticeSettings> {
			const before = await readSettings();
			await updateDoc<SettingsDoc>(accounts, SETTINGS_ID, () => ({ _id: SETTINGS_ID, type: 'settings', v: 1, ...settings, updatedBy: actor.user.id, updatedAt: now.toISOString() }));
			await appendAudit({ action: 'settings-changed', byUserId: actor.user.id, ...(actor.deviceId ? { deviceId: actor.deviceId } : {}), serverTime: now.toISOString(), settings: { before, after: settings } });
			return settings;
		},

		/** A facilitator's practice audit lines, or the settings' when no one is named; oldest first. */
		async auditOf(userId?: string): Promise<PracticeAuditEntry[]> {
			const docs = await docsWithPrefix<PracticeAuditEntry & { _id: string; _rev?: string; type: string; v: number }>(audit, auditPrefix(userId));
			return docs.map(({ _id: _i, _rev: _r, type: _t, v: _v, ...line }) => line);
		}
	};
}

export type PracticeStore = ReturnType<typeof practiceStore>;
