// Filled data folders kept between runs in /tmp/tandem-bench-cache, so a benchmark copies a store of
// 100,000 cases in seconds instead of filling it again. A folder is keyed by its name, the
// generator's seed, a version, and the contents of the files that decide what is in it (the
// generator, the seeding code, the server's store layer and whatever services the seeding calls): change any and the key changes,
// so a stale layout is never measured. BENCH_NO_CACHE=1 fills afresh (and refreshes the cache).
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CACHE_ROOT = process.env.BENCH_CACHE_DIR ?? join(tmpdir(), 'tandem-bench-cache');
/** Bump when the way folders are filled changes in a way the hashed files do not show. */
export const CACHE_VERSION = 1;
const ALWAYS = ['bench/lib/records.ts', 'bench/lib/store-bulk.ts', 'server/store'];

export interface CacheKey {
	name: string;
	seed: number;
	/** Files or folders (every `.ts` in them, spec files aside) whose contents decide the data. */
	inputs: string[];
}

async function filesUnder(path: string): Promise<string[]> {
	try {
		const entries = await readdir(path, { withFileTypes: true });
		const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? filesUnder(join(path, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [join(path, e.name)] : [])));
		return nested.flat().sort();
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return [path];
		throw error;
	}
}

export async function cacheKeyOf(key: CacheKey): Promise<string> {
	const hash = createHash('sha256').update(`${key.name}\n${key.seed}\n${CACHE_VERSION}\n`);
	for (const input of [...ALWAYS, ...key.inputs]) for (const file of await filesUnder(input)) hash.update(file).update(await readFile(file));
	return `${key.name}-seed${key.seed}-v${CACHE_VERSION}-${hash.digest('hex').slice(0, 16)}`;
}

export interface CachedFolder<T> {
	/** A fresh copy, the caller's to use and remove. */
	dir: string;
	/** What `fill` answered when the folder was made. */
	meta: T;
	fromCache: boolean;
	seconds: number;
}

/** A copy of the filled folder for `key`, filling it first (with `fill`, in an empty folder) if the cache has none. */
export async function cachedDataDir<T>(key: CacheKey, fill: (dir: string) => Promise<T>): Promise<CachedFolder<T>> {
	const started = Date.now();
	const entry = join(CACHE_ROOT, await cacheKeyOf(key));
	let meta: T | undefined;
	let fromCache = false;
	if (!process.env.BENCH_NO_CACHE)
		try {
			meta = JSON.parse(await readFile(join(entry, 'meta.json'), 'utf8')) as T;
			fromCache = true;
		} catch {
			meta = undefined;
		}
	if (!fromCache) {
		await mkdir(CACHE_ROOT, { recursive: true });
		// Filled beside the cache and renamed into place, so a run stopped half-way leaves no entry.
		const partial = await mkdtemp(join(CACHE_ROOT, `.partial-${key.name}-`));
		const data = join(partial, 'data');
		await mkdir(data);
		meta = await fill(data);
		await writeFile(join(partial, 'meta.json'), JSON.stringify(meta));
		await rm(entry, { recursive: true, force: true });
		await rename(partial, entry);
	}
	const dir = await mkdtemp(join(tmpdir(), `tandem-bench-${key.name}-`));
	await cp(join(entry, 'data'), dir, { recursive: true });
	return { dir, meta: meta as T, fromCache, seconds: (Date.now() - started) / 1000 };
}
