import { describe, expect, it } from 'vitest';
import { caseChildDocId, caseDocId } from './ids.js';
import { parseParticipant, type ParticipantRecord } from './participant.js';
import { ERASED_NAME, planErasure, redactIdentifiers } from './participant-erasure.js';
import { exampleRecords, exampleWith } from './record-fixtures.js';
import type { RangeDoc } from './retention-rules.js';

const CASE = 'case-0001-abcd';
const AT = '2026-11-20T10:00:00.000Z';
const SAM = 'participant-pr-0001';
const JO = 'participant-hp-0001';
const sam = (): ParticipantRecord => {
	const parsed = parseParticipant(exampleRecords.participant());
	if (!parsed.ok) throw new Error('fixture');
	return parsed.value;
};
const jo = () => exampleWith('participant', (p) => Object.assign(p, { id: JO, role: 'harmed-person', name: 'Jo Sample', preferredName: '', setting: 'community', prisonNumber: undefined, establishmentId: undefined }));
const doc = (type: string, id: string, record: Record<string, unknown>): RangeDoc => ({ docId: type === 'case' ? caseDocId(CASE) : caseChildDocId(CASE, type, id), doc: record });

const range = (): RangeDoc[] => [
	doc('case', CASE, { ...exampleRecords.case(), exitNote: 'Sam Example moved away' }),
	doc('participant', SAM, exampleRecords.participant()),
	doc('participant', JO, JSON.parse(JSON.stringify(jo()))),
	doc('case-note', 'note-only-sam', { ...exampleRecords['case-note'](), id: 'note-only-sam' }),
	doc('case-note', 'note-both', { ...exampleRecords['case-note'](), id: 'note-both', text: 'Sam and Jo both asked about dates. Sam Example is in A1234BC.', aboutParticipantIds: [SAM, JO] }),
	doc('case-note', 'note-jo', { ...exampleRecords['case-note'](), id: 'note-jo', text: 'Jo will call back.', aboutParticipantIds: [JO] }),
	doc('consent', 'consent-0001-abcd', exampleRecords.consent()),
	doc('risk-assessment', 'assessment-0001', exampleRecords['risk-assessment']()),
	doc('assessment-review', 'review-0001-abcd', exampleRecords['assessment-review']()),
	doc('letter', 'letter-0001-abcd', exampleRecords.letter()),
	doc('letter', 'letter-to-sam', { ...exampleRecords.letter(), id: 'letter-to-sam', fromParticipantId: JO, toParticipantId: SAM, body: 'Dear Sam, thank you.' }),
	doc('contact', 'contact-0001-abcd', exampleRecords.contact()),
	doc('contact', 'contact-both', { ...exampleRecords.contact(), id: 'contact-both', participantIds: [SAM, JO] }),
	doc('meeting', 'meeting-0001-abcd', exampleRecords.meeting()),
	doc('feedback', 'feedback-sam', { ...exampleRecords.feedback(), id: 'feedback-sam', participantId: SAM, role: 'person-responsible' }),
	doc('outcome-agreement', 'agreement-0001', exampleRecords['outcome-agreement']())
];

describe('erasing a participant', () => {
	it('removes their own records and takes them out of everything else on the case', () => {
		const plan = planErasure(sam(), range(), AT);
		if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
		const removed = plan.value.remove.map((id) => id.split(':').slice(2).join(':')).sort();
		expect(removed).toEqual([
			'case-note:note-only-sam', 'consent:consent-0001-abcd', 'contact:contact-0001-abcd', 'letter:letter-0001-abcd',
			'meeting:meeting-0001-abcd', `participant:${SAM}`, 'risk-assessment:assessment-0001', 'assessment-review:review-0001-abcd'
		].sort());
		const rewritten = Object.fromEntries(plan.value.rewrite.map((r) => [r.docId.split(':').slice(2).join(':') || 'case', r.record as unknown as Record<string, unknown>]));
		expect(rewritten['case-note:note-both']).toMatchObject({ aboutParticipantIds: [JO], text: `${ERASED_NAME} and Jo both asked about dates. ${ERASED_NAME} is in ${ERASED_NAME}.`, updatedAt: AT });
		expect(rewritten['letter:letter-to-sam']).not.toHaveProperty('toParticipantId');
		expect(rewritten['letter:letter-to-sam']!.body).toBe(`Dear ${ERASED_NAME}, thank you.`);
		expect(rewritten['contact:contact-both']!.participantIds).toEqual([JO]);
		expect(rewritten['feedback:feedback-sam']).toMatchObject({ anonymous: true, satisfaction: 5 });
		expect(rewritten['feedback:feedback-sam']).not.toHaveProperty('participantId');
		expect((rewritten['outcome-agreement:agreement-0001']!.actions as { who: string }[])[0]!.who).toBe(ERASED_NAME);
		expect(rewritten.case!.exitNote).toBe(`${ERASED_NAME} moved away`);
		expect(Object.keys(rewritten)).not.toContain('case-note:note-jo');
		expect(JSON.stringify(plan.value.rewrite)).not.toMatch(/Sam|A1234BC/);
	});

	it('is refused, naming the participant, while someone on the case is their supporter', () => {
		const supporter = exampleWith('participant', (p) => Object.assign(p, { id: 'participant-sup-001', role: 'supporter', supportsParticipantId: SAM, name: 'Kit Helper' }));
		const plan = planErasure(sam(), [...range(), doc('participant', 'participant-sup-001', supporter)], AT);
		expect(plan).toEqual({ ok: false, problems: [{ path: 'participantId', message: 'Someone on this case is their supporter: erase or change the supporter first' }] });
	});

	it('never changes ids or single lower-case words that happen to match a name part', () => {
		expect(redactIdentifiers({ id: 'participant-sam-01', text: 'samples and Sam' }, ['Sam'])).toEqual({ id: 'participant-sam-01', text: `samples and ${ERASED_NAME}` });
	});
});
