// Only what the embedded store uses: @types/pouchdb pulls the DOM library into the server's types.
declare module 'pouchdb' {
	export interface PouchDatabase {
		allDocs(options: Record<string, unknown>): Promise<unknown>;
		info(): Promise<{ doc_count: number }>;
		get(id: string): Promise<Record<string, unknown> & { _id: string; _rev: string }>;
	}
	interface PouchDBConstructor {
		new (name: string): PouchDatabase;
		defaults(options: { prefix?: string; db?: (location: string) => unknown }): PouchDBConstructor;
		/** Installed by express-pouchdb (pouchdb-all-dbs) once it is given the constructor. */
		allDbs(): Promise<string[]>;
		on(event: 'destroyed', listener: (name: string) => void): unknown;
	}
	const PouchDB: PouchDBConstructor;
	export default PouchDB;
}
