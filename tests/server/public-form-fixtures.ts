/** Well-formed public forms, as a person would fill them in. */
export const selfReferral = {
	role: 'harmed-person',
	name: 'Sam Example',
	phone: '07700 900123',
	safeContact: 'Weekday mornings; do not leave a voicemail.',
	agreeToContact: true
};
export const professionalReferral = {
	referrer: { name: 'Alex Officer', organisation: 'Probation Service, Example PDU', email: 'alex.officer@example.org' },
	referralSource: 'offender-manager',
	person: { role: 'person-responsible', name: 'Jo Example', prisonNumber: 'A1234BC' },
	justiceStage: 'custodial-sentence',
	personAgreed: true
};
