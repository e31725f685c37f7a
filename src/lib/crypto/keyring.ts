/** Raised when case data is touched while the user's vault is locked. */
export class LockedError extends Error {
	readonly code = 'locked';
	constructor() {
		super('This vault is locked. Unlock it with your passphrase.');
	}
}

// The only place data keys live, and only in memory: locking empties it.
const keys = new Map<string, CryptoKey>();

export function keyFor(userId: string): CryptoKey {
	const key = keys.get(userId);
	if (!key) throw new LockedError();
	return key;
}

export function holdKey(userId: string, key: CryptoKey): void {
	keys.set(userId, key);
}

export function isUnlocked(userId: string): boolean {
	return keys.has(userId);
}

// Whatever was decrypted into memory beside the keys (search indexes, caches) goes with them.
const dropListeners = new Set<() => void>();

/** Runs `listener` every time the keys are dropped; returns a function that stops it. */
export function onKeysDropped(listener: () => void): () => void {
	dropListeners.add(listener);
	return () => dropListeners.delete(listener);
}

export function dropKeys(): void {
	keys.clear();
	for (const listener of dropListeners) listener();
}
