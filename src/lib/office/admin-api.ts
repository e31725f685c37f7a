import type { ChecklistTemplate } from '../domain/checklist-template.js';
import type { EstablishmentRecord } from '../domain/establishment.js';
import type { PolicySettings } from '../domain/policy-settings.js';
import type { AccountSummary } from '../protocol/accounts.js';
import type { Role } from '../protocol/auth.js';
import type { EstablishmentListResponse, InvitationStatus, TemplateListResponse } from '../protocol/admin.js';
import type { DeviceListResponse, DeviceSummary } from '../protocol/devices.js';
import { callApi } from '../sync/api-client.js';

/** The administrator's calls: online only, nothing kept on the device. Forms go through sendForm. */
export const adminApi = {
	users: () => callApi<{ users: AccountSummary[] }>('GET', '/api/users'),
	setRoles: (userId: string, roles: Role[]) => callApi<AccountSummary>('PUT', `/api/users/${userId}/roles`, { roles }),
	disable: (userId: string) => callApi<AccountSummary>('POST', `/api/users/${userId}/disable`),
	enable: (userId: string) => callApi<AccountSummary>('POST', `/api/users/${userId}/enable`),
	resetSecondFactor: (userId: string) => callApi<AccountSummary>('POST', `/api/users/${userId}/second-factor/reset`),
	devices: () => callApi<DeviceListResponse>('GET', '/api/devices'),
	renameDevice: (deviceId: string, label: string) => callApi<DeviceSummary>('PATCH', `/api/devices/${deviceId}`, { label }),
	revokeDevice: (deviceId: string) => callApi<DeviceSummary>('POST', `/api/devices/${deviceId}/revoke`),
	establishments: () => callApi<EstablishmentListResponse>('GET', '/api/establishments'),
	templates: () => callApi<TemplateListResponse>('GET', '/api/checklist-templates'),
	policy: () => callApi<PolicySettings>('GET', '/api/settings/policy'),
	invitation: (token: string) => callApi<InvitationStatus>('GET', `/api/public/invitations/${token}`)
};

export type { ChecklistTemplate, EstablishmentRecord };
