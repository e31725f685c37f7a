import type { AccessLog } from '../db/access-log.js';
import type { AccessReportsRequest, AccessReportsResponse } from '../protocol/access-review.js';
import { isWipeAnswer } from '../protocol/sync-pull.js';
import { callApi, type ApiResult } from './api-client.js';

export type PostAccessReports = (request: AccessReportsRequest) => Promise<ApiResult<AccessReportsResponse>>;

export const postAccessReports: PostAccessReports = (request) => callApi<AccessReportsResponse>('POST', '/api/sync/access-reports', request);

/** What a report round came to: `wipe` is the only answer the sync must act on. */
export type AccessReportOutcome = { ok: true; sent: number } | { ok: false; wipe: boolean; message: string };

const BATCH = 500;
const MOST_BATCHES = 20;

/**
 * Sends the access log to the server, oldest first, and forgets what the server acknowledged.
 * Always sends at least once, empty or not: the call is how the server knows the tablet synced.
 * A failure keeps every unacknowledged entry for the next round; the server files each entry
 * once by its id, so sending one twice is harmless.
 */
export async function reportAccess(log: AccessLog, deviceId: string, post: PostAccessReports = postAccessReports): Promise<AccessReportOutcome> {
	let sent = 0;
	for (let batch = 0; batch < MOST_BATCHES; batch++) {
		const entries = await log.pending(BATCH);
		const answer = await post({ deviceId, entries });
		if (!answer.ok) return { ok: false, wipe: answer.status === 403 && isWipeAnswer(answer.error), message: answer.error.message };
		await log.acknowledge(answer.value.acknowledged);
		sent += answer.value.acknowledged.length;
		if (entries.length < BATCH) break;
	}
	return { ok: true, sent };
}
