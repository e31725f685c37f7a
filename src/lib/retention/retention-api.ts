import type { ParticipantRecord } from '../domain/participant.js';
import type { Rectification } from '../domain/participant-rectification.js';
import type { RetentionPolicy } from '../domain/retention-policy.js';
import type {
	ErasureRequest,
	ErasureResponse,
	RectificationResponse,
	RetentionPreviewResponse,
	RetentionRunResponse,
	RetentionSettingsResponse
} from '../protocol/retention.js';
import { callApi } from '../sync/api-client.js';

/** Retention and a participant's rights: online only, nothing kept on the device. */
export const retentionApi = {
	settings: () => callApi<RetentionSettingsResponse>('GET', '/api/settings/retention'),
	/** The policy as typed: numbers the form could not read go as typed, for the server to name. */
	saveSettings: (policy: RetentionPolicy | Record<string, unknown>) => callApi<RetentionSettingsResponse>('PUT', '/api/settings/retention', { policy }),
	preview: () => callApi<RetentionPreviewResponse>('GET', '/api/retention/preview'),
	run: () => callApi<RetentionRunResponse>('POST', '/api/retention/run'),
	participants: (caseId: string) =>
		callApi<{ participants: { id: string; name: string; role: ParticipantRecord['role'] }[] }>('GET', `/api/cases/${caseId}/participants`),
	participant: (caseId: string, participantId: string) =>
		callApi<{ participant: ParticipantRecord }>('GET', `/api/cases/${caseId}/participants/${participantId}`),
	rectify: (caseId: string, participantId: string, body: Rectification) =>
		callApi<RectificationResponse>('PUT', `/api/cases/${caseId}/participants/${participantId}/rectification`, body),
	erase: (caseId: string, participantId: string, body: ErasureRequest) =>
		callApi<ErasureResponse>('POST', `/api/cases/${caseId}/participants/${participantId}/erasure`, body)
};
