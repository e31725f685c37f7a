// Imported into the generated service worker (vite.config.ts, workbox.importScripts).
// Background Sync: when the browser sees the network return after a save made offline, it wakes
// this worker with a `sync` event even if the tab is in the background. The worker cannot sync by
// itself: the key that opens the device store lives only in an unlocked page. So it asks the open
// pages to run a round and waits for one to answer that it finished. If none could (all locked,
// or the round failed), the promise rejects and the browser tries the event again later. With no
// page open there is nothing to do: the app syncs as soon as it is opened and unlocked.
const TANDEM_SYNC_TAG = 'tandem-sync';
const TANDEM_SYNC_WAIT_MS = 120000;

function askPage(page) {
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		const timer = setTimeout(() => resolve(false), TANDEM_SYNC_WAIT_MS);
		channel.port1.onmessage = (event) => {
			clearTimeout(timer);
			resolve(Boolean(event.data && event.data.ok));
		};
		page.postMessage({ type: TANDEM_SYNC_TAG }, [channel.port2]);
	});
}

async function syncThroughPages() {
	const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
	if (pages.length === 0) return;
	const answers = await Promise.all(pages.map(askPage));
	if (!answers.some(Boolean)) throw new Error('No open Tandem page could sync; the browser will try again.');
}

self.addEventListener('sync', (event) => {
	if (event.tag === TANDEM_SYNC_TAG) event.waitUntil(syncThroughPages());
});
