import type { JusticeStage } from './case-record.js';
import type { OFFENCE_CATEGORIES, REFERRAL_SOURCES } from './case-record.js';

/** What people read on screen for the codes a case record keeps. */
export const OFFENCE_CATEGORY_LABELS: Record<(typeof OFFENCE_CATEGORIES)[number], string> = {
	violence: 'Violence or assault',
	homicide: 'Someone was killed',
	'sexual-harm': 'Sexual harm',
	'domestic-abuse': 'Domestic abuse',
	'hate-crime': 'Hate crime',
	robbery: 'Robbery',
	burglary: 'Burglary',
	theft: 'Theft',
	'criminal-damage': 'Damage to property',
	fraud: 'Fraud',
	driving: 'A driving offence',
	other: 'Something else'
};

export const JUSTICE_STAGE_LABELS: Record<JusticeStage, string> = {
	'pre-sentence': 'Not yet sentenced',
	'custodial-sentence': 'Serving a prison sentence',
	'community-sentence': 'Serving a community sentence',
	'on-licence': 'On licence after prison',
	'sentence-completed': 'Sentence completed',
	'out-of-court-disposal': 'Dealt with out of court'
};

export const REFERRAL_SOURCE_LABELS: Record<(typeof REFERRAL_SOURCES)[number], string> = {
	self: 'Self-referral',
	'offender-manager': 'Probation (offender manager)',
	'prison-offender-manager': 'Prison offender manager',
	'victim-services': 'Victim services',
	police: 'Police',
	court: 'Court',
	other: 'Another organisation'
};

/** Options for a select or a set of radio buttons, in the order the list is kept. */
export function optionsOf<K extends string>(labels: Record<K, string>, keys: readonly K[] = Object.keys(labels) as K[]): { value: K; label: string }[] {
	return keys.map((value) => ({ value, label: labels[value] }));
}
