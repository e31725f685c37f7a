// Only what the embedded store uses: @types/pouchdb pulls the DOM library into the server's types.
declare module 'pouchdb' {
	interface PouchDBConstructor {
		defaults(options: { prefix?: string }): PouchDBConstructor;
	}
	const PouchDB: PouchDBConstructor;
	export default PouchDB;
}
