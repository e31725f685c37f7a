import type { Page } from '@playwright/test';

/**
 * Puts one change in the signed-in person's outbox, as a save made offline would, through the
 * raw IndexedDB API: until case pages can edit, this is how a test gets unsynced work. The row
 * is in its sealed form (clear ids, opaque ciphertext), as the store's guard insists.
 */
export async function addPendingChange(page: Page): Promise<void> {
	await page.evaluate(async () => {
		const open = (name: string) =>
			new Promise<IDBDatabase>((resolve, reject) => {
				const req = indexedDB.open(name);
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
		const done = <T>(req: IDBRequest<T>) =>
			new Promise<T>((resolve, reject) => ((req.onsuccess = () => resolve(req.result)), (req.onerror = () => reject(req.error))));
		const device = await open('tandem-device');
		const current = (await done(device.transaction('sessions').objectStore('sessions').get('current'))) as { user: { id: string } };
		device.close();
		const db = await open(`tandem-user-${current.user.id}`);
		const id = crypto.randomUUID();
		await done(
			db.transaction('outbox', 'readwrite').objectStore('outbox').add({
				mutationId: id,
				docId: `case:demo-case-0002:case-note:${id}`,
				type: 'case-note',
				caseId: 'demo-case-0002',
				op: 'put',
				at: new Date().toISOString(),
				enc: { iv: crypto.getRandomValues(new Uint8Array(12)), data: crypto.getRandomValues(new Uint8Array(64)).buffer }
			})
		);
		db.close();
	});
}
