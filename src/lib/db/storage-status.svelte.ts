/** What the browser says about keeping this app's data: asked once per session, shown on the device page. */
class StorageStatus {
	persisted = $state<boolean | undefined>(undefined);
	usage = $state<number | undefined>(undefined);
	quota = $state<number | undefined>(undefined);

	/** Asks for persistent storage (headless and some browsers say no), then reads the estimate. */
	async check(): Promise<void> {
		const storage = navigator.storage;
		if (!storage) return void (this.persisted = false);
		this.persisted = (await storage.persisted?.()) || ((await storage.persist?.()) ?? false);
		const estimate = await storage.estimate?.();
		this.usage = estimate?.usage;
		this.quota = estimate?.quota;
	}
}

export const storageStatus = new StorageStatus();
