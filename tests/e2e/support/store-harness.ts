// Runs in the browser: the device store's real modules, bundled, for tests and benchmarks that
// need records the app cannot yet make from its own pages (case pages come later).
import Dexie from 'dexie';
import { caseRepository } from '../../../src/lib/db/case-repository.js';
import { recordRepository } from '../../../src/lib/db/record-repository.js';
import { dumpAsText, dumpIndexedDb } from '../../../src/lib/db/testing.js';
import { userDb } from '../../../src/lib/db/user-db.js';
import { exampleWith } from '../../../src/lib/domain/record-fixtures.js';
import type { CaseSummary } from '../../../src/lib/protocol/cases.js';
import { deviceDb } from '../../../src/lib/db/device-db.js';
import { createVault, unlockVault } from '../../../src/lib/session/vault.js';

const harness = {
	saved: 0,
	createVault: (userId: string, passphrase: string) =>
		createVault({ id: userId, username: `user-${userId}`, displayName: 'Harness Person', roles: ['facilitator'] }, passphrase),
	save: (userId: string, record: unknown) => recordRepository(userDb(userId)).save(record),
	/** The person signed in to the app in this browser, and their vault opened in this page too. */
	async unlockSignedIn(passphrase: string): Promise<string> {
		const current = await deviceDb().sessions.get('current');
		if (!current) throw new Error('Nobody is signed in');
		const outcome = await unlockVault(current.user.id, passphrase);
		if (!outcome.ok) throw new Error(`The vault did not open: ${JSON.stringify(outcome)}`);
		return current.user.id;
	},
	get: (userId: string, docId: string) => recordRepository(userDb(userId)).get(docId),
	replaceCases: (userId: string, cases: CaseSummary[]) => caseRepository(userDb(userId)).replaceAll(cases, new Date().toISOString()),
	/** A value written with no encryption at all: the grep must find this one, or it proves nothing. */
	async writePlainControl(marker: string) {
		const db = new Dexie('tandem-plain-control');
		db.version(1).stores({ items: 'id' });
		await db.table('items').put({ id: 1, text: marker });
		db.close();
	},
	dump: async () => dumpAsText(await dumpIndexedDb()),
	/** Saves notes one after another until the page dies; `saved` counts the finished ones. */
	saveForever(userId: string) {
		void (async () => {
			for (let n = 0; ; n++) {
				const id = `crash-note-${String(n).padStart(6, '0')}`;
				await recordRepository(userDb(userId)).save(exampleWith('case-note', (note) => ((note.id = id), (note.text = `Note ${n} `.repeat(50)))));
				harness.saved = n + 1;
			}
		})();
	},
	/** The document ids in the records table and in the outbox: clear fields, read without the key. */
	async pairs(userId: string) {
		const db = userDb(userId);
		return { records: (await db.records.toCollection().primaryKeys()) as string[], outbox: (await db.outbox.toArray()).map((row) => row.docId) };
	},
	exampleWith
};

declare global {
	interface Window {
		harness: typeof harness;
	}
}
window.harness = harness;
