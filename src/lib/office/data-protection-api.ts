import type { AccessReviewResponse, DeviceExposureResponse, StaffListResponse } from '../protocol/access-review.js';
import type { DeviceSummary } from '../protocol/devices.js';
import { callApi } from '../sync/api-client.js';

/** The data protection pages' calls: online only, nothing kept on the device. */
export const dataProtectionApi = {
	/** `query` is a URL query string without its `?`. */
	access: (query: string) => callApi<AccessReviewResponse>('GET', `/api/data-protection/access?${query}`),
	devices: () => callApi<DeviceExposureResponse>('GET', '/api/data-protection/devices'),
	staff: () => callApi<StaffListResponse>('GET', '/api/data-protection/staff'),
	revoke: (deviceId: string) => callApi<DeviceSummary>('POST', `/api/devices/${encodeURIComponent(deviceId)}/revoke`)
};
