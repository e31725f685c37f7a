export interface HealthResponse {
	status: 'ok' | 'unavailable';
	version: string;
	store: { reachable: boolean; kind: 'embedded' | 'couchdb' };
}
