// PouchDB → PouchDB replication of the facilitator's documents, in the page, from the embedded
// store (express-pouchdb, CouchDB-compatible) the Tandem server itself uses. The page is on the
// store's origin, so no CORS preflight is added to PouchDB's requests.
import { fileURLToPath } from 'node:url';

const dist = (file: string) => fileURLToPath(new URL(`../../node_modules/pouchdb/dist/${file}`, import.meta.url));
/** pouchdb 9's own browser build (idb adapter) and its `indexeddb` adapter plug-in. */
export const POUCH_SCRIPTS = [{ path: dist('pouchdb.min.js') }, { path: dist('pouchdb.indexeddb.min.js') }];

export interface PouchSetting {
	name: string;
	adapter: 'idb' | 'indexeddb';
	options: Record<string, unknown>;
}

/**
 * `batch_size: 500` is the best setting. The second adds what else helped: the newer
 * `indexeddb` adapter, no checkpoint writes, and no database set-up round trip.
 */
export const POUCH_SETTINGS: PouchSetting[] = [
	{ name: 'doc_ids, batch_size 500 (idb)', adapter: 'idb', options: { batch_size: 500 } },
	{ name: 'doc_ids, batch_size 500, batches_limit 20, checkpoint off (indexeddb)', adapter: 'indexeddb', options: { batch_size: 500, batches_limit: 20, checkpoint: false } }
];

export interface PouchArgs {
	source: string;
	auth: { username: string; password: string };
	docIds: string[];
	setting: PouchSetting;
}
