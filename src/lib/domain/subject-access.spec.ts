import { describe, expect, it } from 'vitest';
import { exampleRecords, exampleWith, type ExampleType } from './record-fixtures.js';
import { parseRecord, type DomainRecord } from './records.js';
import { REVIEW_REASONS, namesToRedact, recordsAboutSubject, redactNames } from './subject-access.js';

const record = (input: Record<string, unknown>): DomainRecord => {
	const parsed = parseRecord(input);
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
	return parsed.value;
};
const example = (type: ExampleType) => record(exampleRecords[type]());
const SAM = 'participant-pr-0001';
const harmed = record(exampleWith('participant', (p) => {
	p.id = 'participant-hp-0001';
	p.role = 'harmed-person';
	p.name = 'Jordan Example';
	p.preferredName = 'Jo';
}));

describe('which records are about the person asking', () => {
	const about = (subject: string, records: DomainRecord[]) => recordsAboutSubject(new Set([subject]), records);

	it('leaves out a note tagged only with the other party, a note tagged with no one, and the other party’s own records', () => {
		const theirs = record(exampleWith('case-note', (n) => (n.aboutParticipantIds = ['participant-hp-0001'])));
		const untagged = record(exampleWith('case-note', (n) => { n.id = 'note-0002-abcd'; n.aboutParticipantIds = []; }));
		const theirConsent = record(exampleWith('consent', (c) => (c.participantId = 'participant-hp-0001')));
		expect(about(SAM, [theirs, untagged, theirConsent, harmed])).toEqual([]);
	});

	it('keeps the person’s own records without asking for review', () => {
		const kept = about(SAM, [example('case'), example('participant'), example('case-note'), example('consent'), example('risk-assessment'), example('assessment-review')]);
		expect(kept.map((k) => [k.record.type, k.reviewReasons])).toEqual([
			['case', []], ['participant', []], ['case-note', []], ['consent', []], ['risk-assessment', []], ['assessment-review', []]
		]);
	});

	it('flags what they share with others: a note about both, a meeting, the agreement from it, a letter written to them', () => {
		const both = record(exampleWith('case-note', (n) => (n.aboutParticipantIds = [SAM, 'participant-hp-0001'])));
		const agreement = record(exampleWith('outcome-agreement', (a) => (a.meetingId = 'meeting-0001-abcd')));
		const toSam = record(exampleWith('letter', (l) => { l.fromParticipantId = 'participant-hp-0001'; l.toParticipantId = SAM; }));
		const reasons = about(SAM, [both, example('meeting'), agreement, toSam]).map((k) => k.reviewReasons);
		expect(reasons).toEqual([[REVIEW_REASONS.alsoAboutOthers], [REVIEW_REASONS.othersAtMeeting], [REVIEW_REASONS.agreedWithOthers], [REVIEW_REASONS.writtenByOther]]);
	});

	it('keeps feedback given under their name but never anonymous feedback', () => {
		const named = example('feedback');
		const anonymous = record(exampleWith('feedback', (f) => { f.anonymous = true; delete f.participantId; delete f.role; }));
		expect(about('participant-hp-0001', [named, anonymous]).map((k) => k.record)).toEqual([named]);
	});
});

describe('hiding other people’s names', () => {
	const names = namesToRedact([{ name: 'Jordan Example', preferredName: 'Jo' }], [{ name: 'Casey Madeup', preferredName: 'Casey' }, { name: 'Morgan Example', preferredName: 'Morgan' }]);

	it('hides full names, preferred names and parts of names, whatever their case, but not the person’s shared family name', () => {
		expect(redactNames('Jo met casey madeup and MORGAN Example; Morgan is Jordan Example’s aunt.', names)).toEqual({
			text: 'Jo met [other person] and [other person]; [other person] is Jordan Example’s aunt.',
			count: 3
		});
	});

	it('hides only whole words, so a name inside another word is left alone', () => {
		expect(redactNames('Caseyville is far; Morganite is a stone.', names).count).toBe(0);
	});

	it('never finds a name again inside what it put in its place', () => {
		const tricky = namesToRedact([{ name: 'Sam Example' }], [{ name: 'Other Person' }]);
		expect(redactNames('Other Person called.', tricky).text).toBe('[other person] called.');
	});
});
