import { holdKey } from '../crypto/keyring.js';

/** Unlocks a user's vault for a unit test with a random key, skipping the passphrase's slow derivation. */
export async function unlockForTest(userId: string): Promise<void> {
	holdKey(userId, await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']));
}

/** Every row of every object store of every database, read through the raw IndexedDB API. */
export async function dumpIndexedDb(): Promise<{ db: string; store: string; rows: unknown[] }[]> {
	const dumps: { db: string; store: string; rows: unknown[] }[] = [];
	for (const { name } of await indexedDB.databases()) {
		if (!name) continue;
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open(name);
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		for (const store of Array.from(db.objectStoreNames)) {
			const rows = await new Promise<unknown[]>((resolve, reject) => {
				const req = db.transaction(store).objectStore(store).getAll();
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
			dumps.push({ db: name, store, rows });
		}
		db.close();
	}
	return dumps;
}

/** A dump as text, with every byte buffer spelled out, so a grep sees inside ciphertexts too. */
export function dumpAsText(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) => {
		if (v instanceof ArrayBuffer) return new TextDecoder('latin1').decode(v);
		if (ArrayBuffer.isView(v)) return new TextDecoder('latin1').decode(v as Uint8Array);
		return v;
	});
}
