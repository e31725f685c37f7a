/**
 * This process's last listing of the service-wide records (ids, revisions and their hashes), kept
 * for at most `ttlMs`: every pull asks for them and they rarely change. The server stays stateless
 * across processes: the cache only skips a listing, so another process's write reaches a device at
 * most `ttlMs` late (its next sync), never lost; a write made through this process is seen at once.
 */
export const SERVICE_LISTING_TTL_MS = 5_000;

export interface ServiceListing<T> {
	/** The listing if it is fresh, with a token to pass back when storing a new one. */
	fresh(nowMs: number): { value?: T; token: number };
	/** Keeps a listing read after `token` was handed out, unless a write came since. */
	keep(value: T, token: number, nowMs: number): void;
	/** After this process wrote a service-wide record. */
	forget(): void;
}

export function serviceListing<T>(ttlMs = SERVICE_LISTING_TTL_MS): ServiceListing<T> {
	let cached: { value: T; at: number } | undefined;
	// Bumped by every write, so a listing that started before a write is never kept after it.
	let generation = 0;
	return {
		fresh: (nowMs) => (cached && nowMs - cached.at < ttlMs ? { value: cached.value, token: generation } : { token: generation }),
		keep(value, token, nowMs) {
			if (token === generation) cached = { value, at: nowMs };
		},
		forget() {
			generation++;
			cached = undefined;
		}
	};
}
