declare module 'express-pouchdb' {
	import type { Express } from 'express';
	interface ExpressPouchDbOptions {
		configPath?: string;
		logPath?: string;
		mode?: 'fullCouchDB' | 'minimumForPouchDB' | 'custom';
		overrideMode?: { include?: string[]; exclude?: string[] };
	}
	export default function expressPouchDb(pouch: unknown, options?: ExpressPouchDbOptions): Express;
}
