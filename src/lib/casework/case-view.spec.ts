import { describe, expect, it } from 'vitest';
import type { EstablishmentRecord } from '../domain/establishment.js';
import { assessed, caseAt, consent, daysAfter, HARMED, RESPONSIBLE, SUPPORTER } from '../domain/facts-fixtures.js';
import type { ParticipantRecord } from '../domain/participant.js';
import { exampleRecords } from '../domain/record-fixtures.js';
import { DEFAULT_SERVICE_POLICY as POLICY } from '../domain/service-policy.js';
import { NO_MARKERS } from '../sync/case-markers.js';
import { caseView, participantView } from './case-view.js';

const prison = exampleRecords.establishment() as EstablishmentRecord;
const inCustody = exampleRecords.participant() as ParticipantRecord;

describe('a participant on the case screen', () => {
	it('says how to reach them safely and what to avoid, in plain words', () => {
		const view = participantView(inCustody, [inCustody], [prison], false);
		expect(view).toMatchObject({ name: 'Sam', fullName: 'Sam Example', roleLabel: 'person responsible', withdrawn: false });
		expect(view.safeContact).toEqual([
			'How to reach them: through their offender manager',
			'Safe times: Weekday mornings',
			'Do not leave a voicemail',
			'Do not send letters to their home'
		]);
		expect(view.about).toEqual(['In custody at HMP Example, prison number A1234BC', 'Language: English']);
	});

	it('names who a supporter supports, and an interpreter when one is needed', () => {
		const supporter = { ...SUPPORTER, interpreterNeeded: true, language: 'Polish' };
		expect(participantView(supporter, [HARMED, supporter], [], false).about).toEqual([
			'Supports Person harmed-0001 (harmed person)', 'In the community', 'Language: Polish, needs an interpreter'
		]);
	});
});

describe('the case screen', () => {
	const records = [caseAt('assessment'), SUPPORTER, RESPONSIBLE, HARMED, consent(HARMED.id, 'given'), consent(RESPONSIBLE.id, 'withdrawn'), assessed(HARMED.id, 'proceed')];

	it('puts the harmed person first, then the person responsible, then supporters, and marks a withdrawal', () => {
		const view = caseView('case-0001-abcd', undefined, records, [], NO_MARKERS, POLICY, daysAfter(40))!;
		expect(view.participants.map((p) => [p.roleLabel, p.withdrawn])).toEqual([['harmed person', false], ['person responsible', true], ['supporter', false]]);
		expect(view.next?.summary).toBe('The person responsible has withdrawn: the coordinator closes the case');
		expect(view.overdueReviews).toEqual(['The harmed person’s risk assessment is 40 days old (review every 28 days)']);
	});

	it('shows a case known only from the case list, and says its records are still to come', () => {
		const view = caseView('case-0001-abcd', { reference: 'RJ-2026-0042', stage: 'assessment' }, [], [], NO_MARKERS, POLICY, daysAfter(1))!;
		expect(view).toMatchObject({ reference: 'RJ-2026-0042', stageLabel: 'Assessment and preparation', participants: [], timeline: [] });
		expect(view.next).toBeUndefined();
	});

	it('is nothing at all for a case this tablet does not hold', () => {
		expect(caseView('case-0404-abcd', undefined, [], [], NO_MARKERS, POLICY, daysAfter(1))).toBeUndefined();
	});
});
