import type { PaperSettings } from '../domain/paper-settings.js';
import { callApi } from '../sync/api-client.js';

/** The service's paper pack settings: online only, read by coordinators, changed by an administrator. */
export const paperSettingsApi = {
	read: () => callApi<PaperSettings>('GET', '/api/settings/paper'),
	write: (settings: PaperSettings) => callApi<PaperSettings>('PUT', '/api/settings/paper', settings)
};
