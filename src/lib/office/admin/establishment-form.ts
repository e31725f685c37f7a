import type { EstablishmentRecord } from '../../domain/establishment.js';
import { SECURITY_CATEGORIES } from '../../domain/establishment.js';
import type { EstablishmentRequest } from '../../protocol/admin.js';

export const SECURITY_CATEGORY_LABELS: Record<(typeof SECURITY_CATEGORIES)[number], string> = {
	A: 'Category A',
	B: 'Category B',
	C: 'Category C',
	D: 'Category D (open)',
	'young-offender-institution': 'Young offender institution',
	'women-closed': 'Women’s closed',
	'women-open': 'Women’s open'
};

/** The form's answers: strings and a tick box, as the fields hold them. */
export interface EstablishmentAnswers {
	name: string;
	securityCategory: string;
	visitRules: string;
	devicesAuthorised: boolean;
	devicesAuthorisedUntil: string;
}

export const blankEstablishment = (): EstablishmentAnswers => ({ name: '', securityCategory: '', visitRules: '', devicesAuthorised: false, devicesAuthorisedUntil: '' });

export const answersOf = (e: EstablishmentRecord): EstablishmentAnswers => ({
	name: e.name,
	securityCategory: e.securityCategory,
	visitRules: e.visitRules,
	devicesAuthorised: e.devicesAuthorised,
	devicesAuthorisedUntil: e.devicesAuthorisedUntil ?? ''
});

/** What is sent: visit rules may be empty (and are sent so), an empty date is left out. */
export function requestOf(a: EstablishmentAnswers): EstablishmentRequest {
	return {
		name: a.name,
		securityCategory: a.securityCategory as EstablishmentRequest['securityCategory'],
		visitRules: a.visitRules,
		devicesAuthorised: a.devicesAuthorised,
		...(a.devicesAuthorisedUntil ? { devicesAuthorisedUntil: a.devicesAuthorisedUntil } : {})
	};
}
