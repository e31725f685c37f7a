/** Wrong passphrases allowed before the device destroys its copy of the data key. */
export const MAX_UNLOCK_ATTEMPTS = 10;
/** Wrong passphrases allowed before each further try has to wait. */
const FREE_ATTEMPTS = 3;

/** How long to wait after this many wrong passphrases: 0, then doubling from 5 s up to 5 min. */
export function waitAfter(failedAttempts: number): number {
	if (failedAttempts < FREE_ATTEMPTS) return 0;
	return Math.min(5_000 * 2 ** (failedAttempts - FREE_ATTEMPTS), 300_000);
}

export function attemptsLeft(failedAttempts: number): number {
	return Math.max(MAX_UNLOCK_ATTEMPTS - failedAttempts, 0);
}
