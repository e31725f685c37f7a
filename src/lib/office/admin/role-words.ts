import { ROLES, type Role } from '../../protocol/auth.js';

export const ROLE_LABELS: Record<Role, string> = { facilitator: 'Facilitator', coordinator: 'Coordinator', administrator: 'Administrator' };

export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export const rolesInWords = (roles: readonly Role[]) => roles.map((role) => ROLE_LABELS[role]).join(', ');
