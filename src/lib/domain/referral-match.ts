/**
 * Whether two referrals are about the same person and the same offence. A referral is not a
 * case yet, so this works on what the forms ask: a name, a role, a way to reach them, and what
 * happened. A match is advice for a coordinator, never a decision.
 */
export interface ReferralSubject {
	role: string;
	name: string;
	email?: string;
	phone?: string;
	prisonNumber?: string;
	offenceCategory?: string;
	offenceDate?: string;
}

export type MatchReason = 'same-prison-number' | 'same-name' | 'same-phone' | 'same-email' | 'same-offence-category' | 'same-offence-date';

export const MATCH_REASON_LABELS: Record<MatchReason, string> = {
	'same-prison-number': 'same prison number',
	'same-name': 'same name and role',
	'same-phone': 'same phone number',
	'same-email': 'same email address',
	'same-offence-category': 'same kind of offence',
	'same-offence-date': 'same offence date'
};

/** Case, accents, punctuation and spacing aside: "Jo  O'Neill" and "jo oneill" are one name. */
export function normaliseName(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9 ]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

const digits = (phone: string) => phone.replace(/\D/g, '').replace(/^44/, '0');
const lower = (text: string) => text.trim().toLowerCase();

/** Keys under which a referral is stored for lookup: any shared key makes two referrals candidates. */
export function matchKeys(subject: ReferralSubject): string[] {
	const keys = [`name:${normaliseName(subject.name)}`];
	if (subject.prisonNumber) keys.push(`prison:${subject.prisonNumber.toUpperCase()}`);
	return keys;
}

/** Both known and different: the one thing that rules a match out. */
const differs = (a: string | undefined, b: string | undefined, same: (x: string) => string) => a !== undefined && b !== undefined && same(a) !== same(b);
const agrees = (a: string | undefined, b: string | undefined, same: (x: string) => string) => a !== undefined && b !== undefined && same(a) === same(b);

/**
 * Why `a` and `b` look like the same person and offence, or undefined when they do not.
 * Same person: the same prison number, or the same name and role with no phone, email or prison
 * number that differs. Same offence: no offence category or date known on both sides that differs.
 */
export function duplicateReasons(a: ReferralSubject, b: ReferralSubject): MatchReason[] | undefined {
	const reasons: MatchReason[] = [];
	if (agrees(a.prisonNumber, b.prisonNumber, (x) => x.toUpperCase())) reasons.push('same-prison-number');
	else {
		if (a.role !== b.role || normaliseName(a.name) !== normaliseName(b.name)) return undefined;
		if (differs(a.prisonNumber, b.prisonNumber, (x) => x.toUpperCase())) return undefined;
		// A person may give a new phone number; only when neither the phone nor the email agrees is it someone else.
		const phoneDiffers = differs(a.phone, b.phone, digits);
		const emailDiffers = differs(a.email, b.email, lower);
		if ((phoneDiffers || emailDiffers) && !agrees(a.phone, b.phone, digits) && !agrees(a.email, b.email, lower)) return undefined;
		reasons.push('same-name');
		if (agrees(a.phone, b.phone, digits)) reasons.push('same-phone');
		if (agrees(a.email, b.email, lower)) reasons.push('same-email');
	}
	if (differs(a.offenceCategory, b.offenceCategory, String) || differs(a.offenceDate, b.offenceDate, String)) return undefined;
	if (agrees(a.offenceCategory, b.offenceCategory, String)) reasons.push('same-offence-category');
	if (agrees(a.offenceDate, b.offenceDate, String)) reasons.push('same-offence-date');
	return reasons;
}
