/** The tag the page registers and `static/background-sync.js` (in the service worker) answers. */
export const BACKGROUND_SYNC_TAG = 'tandem-sync';

type SyncRegistration = { sync?: { register(tag: string): Promise<void> } };
type WorkerContainer = Pick<ServiceWorkerContainer, 'getRegistration' | 'addEventListener' | 'removeEventListener'>;

const container = (): WorkerContainer | undefined => (typeof navigator !== 'undefined' && 'serviceWorker' in navigator ? navigator.serviceWorker : undefined);

/**
 * Asks the browser to wake the app's worker when the network is back (Background Sync, where the
 * browser offers it: Chromium). False where it does not; the reconnect and periodic triggers
 * still run while the app is open.
 */
export async function requestBackgroundSync(workers: WorkerContainer | undefined = container()): Promise<boolean> {
	try {
		const registration = (await workers?.getRegistration()) as (ServiceWorkerRegistration & SyncRegistration) | undefined;
		if (!registration?.sync) return false;
		await registration.sync.register(BACKGROUND_SYNC_TAG);
		return true;
	} catch {
		// Refused (permission, private mode): not an error for a person; the other triggers remain.
		return false;
	}
}

/**
 * Runs a round when the worker asks for one (its `sync` event) and answers on the port it sent
 * whether the round succeeded, so the browser retries later if it did not.
 */
export function answerBackgroundSync(run: () => Promise<boolean>, workers: WorkerContainer | undefined = container()): () => void {
	if (!workers) return () => undefined;
	const listener = (event: Event) => {
		const { data, ports } = event as MessageEvent<{ type?: string }>;
		if (data?.type !== BACKGROUND_SYNC_TAG) return;
		const reply = (ok: boolean) => ports[0]?.postMessage({ ok });
		run().then(reply, () => reply(false));
	};
	workers.addEventListener('message', listener);
	return () => workers.removeEventListener('message', listener);
}
