import type { Mutation } from './sync.js';

/**
 * A pushed change the server kept without applying, because its author no longer had the case
 * (unassigned, or the case closed). Coordinators see these beside the case and decide what to do.
 */
export interface FiledChange {
	mutation: Mutation;
	/** Who pushed it; `mutation.deviceId` and `mutation.deviceTime` say from where and when it was made. */
	userId: string;
	/** When the server received it. */
	serverTime: string;
}

export interface FiledChangesResponse {
	changes: FiledChange[];
}
