export interface BackoffPolicy {
	/** The ceiling of the first retry's wait. */
	baseMs: number;
	/** No wait is longer than this, however many failures. */
	capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000 };

/**
 * Exponential backoff with full jitter: a wait drawn evenly from zero to a ceiling that doubles with
 * each failure up to the cap. The spread stops tablets that lost the server together (a restart,
 * a venue's Wi-Fi) from coming back together. `random` is in [0, 1), e.g. Math.random.
 */
export function backoffDelay(failures: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
	if (failures <= 0) return 0;
	const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (failures - 1));
	const draw = Math.min(Math.max(random(), 0), 1);
	return Math.min(Math.floor(draw * ceiling), policy.capMs);
}
