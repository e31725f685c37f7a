import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';

/**
 * A DBCore layer that is shown every write (add, put, delete, delete range) to the tables it
 * watches just before the write is made, whichever repository or page makes it. A throw refuses
 * the write.
 */
export function writeLayer(
	name: string,
	onWrite: (table: string, req: DBCoreMutateRequest) => void,
	watches: (table: string) => boolean = () => true
): Middleware<DBCore> {
	return {
		stack: 'dbcore',
		name,
		create: (down) => ({
			...down,
			table: (tableName) => {
				const table = down.table(tableName);
				if (!watches(tableName)) return table;
				return { ...table, mutate: (req: DBCoreMutateRequest) => (onWrite(tableName, req), table.mutate(req)) };
			}
		})
	};
}
