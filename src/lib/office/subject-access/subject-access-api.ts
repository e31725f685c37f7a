import type {
	SubjectExportRequest,
	SubjectExportResponse,
	SubjectReviewRequest,
	SubjectReviewResponse,
	SubjectSearchResponse
} from '../../protocol/subject-access.js';
import { callApi } from '../../sync/api-client.js';

/** Subject access requests: online only, nothing kept on the device. */
export const subjectAccessApi = {
	search: (q: string) => callApi<SubjectSearchResponse>('GET', `/api/subject-access/people?q=${encodeURIComponent(q)}`),
	review: (body: SubjectReviewRequest) => callApi<SubjectReviewResponse>('POST', '/api/subject-access/review', body),
	produce: (body: SubjectExportRequest) => callApi<SubjectExportResponse>('POST', '/api/subject-access/exports', body)
};
