import * as v from 'valibot';
import { deviceLabelSchema } from './auth.js';

/** A registered tablet, as administrators see it. */
export interface DeviceSummary {
	id: string;
	label: string;
	/** Everyone who has signed in on it (a shared tablet keeps a vault per person). */
	users: { id: string; username: string }[];
	registeredAt: string;
	lastSeenAt: string;
	revokedAt?: string;
	revokedBy?: string;
}

export interface DeviceListResponse {
	devices: DeviceSummary[];
}

export const renameDeviceRequestSchema = v.strictObject({ label: deviceLabelSchema });
export type RenameDeviceRequest = v.InferOutput<typeof renameDeviceRequestSchema>;
