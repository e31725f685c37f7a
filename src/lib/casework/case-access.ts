import { isUnlocked } from '../crypto/keyring.js';
import { accessLog } from '../db/access-log.js';
import { userDb } from '../db/user-db.js';
import { ACCESS_SCREENS, type AccessScreen } from '../protocol/access-review.js';

/** Which case screen a path is: `/cases/<id>` is the case file, `/cases/<id>/notes` its notes, and so on. */
export function screenOf(pathname: string, caseId: string): AccessScreen | undefined {
	const base = `/cases/${caseId}`;
	if (pathname !== base && !pathname.startsWith(`${base}/`)) return undefined;
	const part = pathname.slice(base.length + 1).split('/')[0] ?? '';
	if (part === '') return 'case';
	return (ACCESS_SCREENS as readonly string[]).includes(part) ? (part as AccessScreen) : 'other';
}

/**
 * Notes that this person opened a case screen on this tablet, for the service's access review.
 * Never stands in the way of the screen: a locked vault or a full disk only loses the note.
 */
export async function noteCaseOpened(userId: string, caseId: string, pathname: string): Promise<void> {
	const screen = screenOf(pathname, caseId);
	if (!screen || !isUnlocked(userId)) return;
	await accessLog(userDb(userId))
		.record(caseId, screen)
		.catch((error: unknown) => console.error('could not note a case screen opened', error));
}
