import type { PracticeEntryRequest } from '../../domain/practice-record.js';
import type { PracticeSettings } from '../../domain/practice-settings.js';
import type { PracticeOverviewResponse, PracticeRecordsResponse, PracticeReportResponse } from '../../protocol/practice.js';
import { callApi } from '../../sync/api-client.js';

/** Practice records live on the server only: these calls need a connection and keep nothing on the device. */
export const practiceApi = {
	overview: () => callApi<PracticeOverviewResponse>('GET', '/api/practice'),
	records: (userId: string) => callApi<PracticeRecordsResponse>('GET', `/api/practice/${userId}`),
	add: (userId: string, entry: PracticeEntryRequest) => callApi<PracticeRecordsResponse>('POST', `/api/practice/${userId}/entries`, entry),
	report: (from: string, to: string) => callApi<PracticeReportResponse>('GET', `/api/practice/report?${new URLSearchParams({ from, to })}`),
	settings: () => callApi<PracticeSettings>('GET', '/api/settings/practice'),
	saveSettings: (settings: PracticeSettings) => callApi<PracticeSettings>('PUT', '/api/settings/practice', settings)
};
