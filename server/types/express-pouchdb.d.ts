declare module 'express-pouchdb' {
	import type { Express } from 'express';
	interface ExpressPouchDbOptions {
		configPath?: string;
		logPath?: string;
		mode?: 'fullCouchDB' | 'minimumForPouchDB' | 'custom';
		overrideMode?: { include?: string[]; exclude?: string[] };
	}
	/** Runs on every database copy express-pouchdb opens, after its own wrappers (validation among them). */
	type DbWrapper = (name: string, db: Record<string, unknown>, next: () => void) => unknown;
	export default function expressPouchDb(pouch: unknown, options?: ExpressPouchDbOptions): Express & { dbWrapper: { registerWrapper(wrapper: DbWrapper): void } };
}
