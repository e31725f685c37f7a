import type { Workbox } from 'workbox-window';

/**
 * The service worker's life, through workbox-window. A new version waits until the person
 * chooses to reload: the app never reloads itself under someone who is typing.
 */
class AppUpdate {
	waiting = $state(false);
	#workbox: Workbox | undefined;
	#reloadRequested = false;

	async register(): Promise<void> {
		if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
		// Loaded after the first screen: registering the worker never delays it.
		const { Workbox } = await import('workbox-window');
		const workbox = new Workbox('/sw.js', { scope: '/' });
		workbox.addEventListener('waiting', () => (this.waiting = true));
		// Only the tab whose person pressed "Reload" reloads; other open tabs keep their work.
		workbox.addEventListener('controlling', () => {
			if (this.#reloadRequested) window.location.reload();
		});
		this.#workbox = workbox;
		void workbox.register();
		// A tablet may stay open for days: look for a new version every hour while online.
		setInterval(() => void workbox.update(), 60 * 60 * 1000);
	}

	applyNow(): void {
		if (!this.#workbox) return;
		this.#reloadRequested = true;
		this.#workbox.messageSkipWaiting();
	}

	later(): void {
		this.waiting = false;
	}
}

export const appUpdate = new AppUpdate();
