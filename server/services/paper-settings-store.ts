import { randomBytes } from 'node:crypto';
import { DEFAULT_PAPER_SETTINGS, type PaperSettings } from '../../src/lib/domain/paper-settings.js';
import type { Couch } from '../store/couch.js';
import { docsWithPrefix, getDoc, updateDoc } from '../store/documents.js';

interface PaperSettingsDoc extends PaperSettings {
	_id: string;
	_rev?: string;
	type: 'settings';
	v: 1;
	updatedBy: string;
	updatedAt: string;
}

export interface SettingsChange {
	section: 'paper';
	byUserId: string;
	serverTime: string;
	before: PaperSettings;
	after: PaperSettings;
}

const SETTINGS_ID = 'settings:paper';
/** Changes are kept in the append-only audit database, one key range for the section. */
const AUDIT_PREFIX = 'settings:paper:';

/** The service's paper pack rules in the accounts database, beside the other settings; every change audited. */
export function paperSettingsStore(couch: Couch) {
	const accounts = couch.dbs.accounts;
	const audit = couch.dbs.audit;
	const read = async (): Promise<PaperSettings> => {
		const doc = await getDoc<PaperSettingsDoc>(accounts, SETTINGS_ID);
		return doc ? { reminderDays: doc.reminderDays } : { ...DEFAULT_PAPER_SETTINGS };
	};
	return {
		read,

		async write(after: PaperSettings, by: string, now: Date): Promise<PaperSettings> {
			const before = await read();
			await updateDoc<PaperSettingsDoc>(accounts, SETTINGS_ID, () => ({ _id: SETTINGS_ID, type: 'settings', v: 1, ...after, updatedBy: by, updatedAt: now.toISOString() }));
			const change: SettingsChange = { section: 'paper', byUserId: by, serverTime: now.toISOString(), before, after };
			await audit.insert({ _id: `${AUDIT_PREFIX}${change.serverTime}:${randomBytes(6).toString('hex')}`, type: 'settings-audit', v: 1, ...change } as never);
			return after;
		},

		async changes(): Promise<SettingsChange[]> {
			const docs = await docsWithPrefix<SettingsChange>(audit, AUDIT_PREFIX);
			return docs.map(({ section, byUserId, serverTime, before, after }) => ({ section, byUserId, serverTime, before, after }));
		}
	};
}

export type PaperSettingsStore = ReturnType<typeof paperSettingsStore>;
