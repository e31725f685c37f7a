/**
 * The contract of `tests/support/sim-device.ts`: a simulated tablet (the real device sync engine
 * over its own fake-indexeddb) and the network it talks through. The helper is device code (DOM
 * types, Dexie) and is type-checked with the app; the chaos tests load it at run time and see it
 * through these plain types.
 */
export interface DeviceRecord {
	docId: string;
	caseId?: string;
	record: Record<string, unknown>;
	/** The server copy the device keeps beside it: what it believes the server holds. */
	copy?: { rev: string; record: Record<string, unknown>; conflicts: unknown[] };
}

export interface DeviceSnapshot {
	/** Cases the device lists at a pull (checkpoints or records). */
	heldCases: string[];
	records: DeviceRecord[];
	outbox: number;
	rejections: { docId: string; code: string; message: string }[];
}

export interface SyncOutcomeLike {
	status: string;
	pushed?: number;
	purged?: string[];
	purgeWaiting?: string[];
	message?: string;
}

export interface SimDevice {
	readonly deviceId: string;
	readonly userId: string;
	/** Offline: every request fails at once; going offline mid-request loses the response. */
	online: boolean;
	sync(): Promise<SyncOutcomeLike>;
	/** The working copy of a record, as the UI would read it. */
	read(docId: string): Promise<Record<string, unknown> | undefined>;
	/** Saves through the record repository: record and outbox entry in one transaction. */
	/** `basedOn`: the record as the device read it before the edit, as an app screen passes it. */
	save(record: Record<string, unknown>, at: string, mutationId: string, basedOn?: Record<string, unknown>): Promise<{ ok: boolean; problems?: unknown }>;
	/** Every record on the device of one type, with its document id. */
	recordsOfType(type: string): Promise<DeviceRecord[]>;
	snapshot(): Promise<DeviceSnapshot>;
	/** Fields waiting for a decision in one case, as the conflicts screen lists them. */
	conflicts(caseId: string): Promise<{ docId: string; conflicts: { path: string[]; values: { value?: unknown; origin?: Record<string, unknown> }[] }[] }[]>;
	/** A person's decision, saved through the repository with the values they saw. */
	resolve(docId: string, path: string[], choice: { pick: number } | { value: unknown }): Promise<{ ok: boolean }>;
}

export interface SimNetwork {
	device(options: { userId: string; deviceId: string; cookie: string }): Promise<SimDevice>;
	/** Responses thrown away because the device went offline while the request was out. */
	readonly droppedResponses: number;
	/** Requests that could not be tied to a device (a harness bug, never expected). */
	readonly routingErrors: string[];
	restore(): void;
}

export interface SimDeviceModule {
	simNetwork(baseUrl: string): SimNetwork;
}

export interface BrowserDeviceOptions {
	/** The app's origin as the browser sees it (the fault proxy). */
	origin: string;
	username: string;
	password: string;
	passphrase: string;
	userId: string;
	/** How long `sync()` waits for the app to finish a round. */
	roundTimeoutMs: number;
}

/** The real app in Chromium, driven like a simulated device (`tests/support/browser-device.ts`). */
export interface BrowserDevice extends SimDevice {
	readonly kind: 'chromium';
	/** Page errors and failed rounds the app logged: shown when the run fails. */
	readonly problems: string[];
	snapshot(): Promise<DeviceSnapshot & { caseList: string[] }>;
	/** What the sync status in the header says. */
	statusText(): Promise<string>;
	close(): Promise<void>;
}

export interface BrowserDeviceModule {
	launchBrowserDevice(options: BrowserDeviceOptions): Promise<BrowserDevice>;
}
