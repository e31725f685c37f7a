import { describe, expect, it } from 'vitest';
import { exampleWith, type ExampleType, type LooseRecord } from './record-fixtures.js';
import { parseRecord } from './records.js';

type Case = [ExampleType, string, (r: LooseRecord) => void, string, string];

const cases: Case[] = [
	['contact', 'an unknown kind', (r) => (r.kind = 'telepathy'), 'kind', 'Choose the kind of contact'],
	['contact', 'no one contacted', (r) => (r.participantIds = []), 'participantIds', 'Choose who the contact was with'],
	['contact', 'a malformed time', (r) => (r.occurredAt = 'noon'), 'occurredAt', 'Enter a date and time in ISO 8601 form'],
	['contact', 'an unknown outcome', (r) => (r.outcome = 'great'), 'outcome', 'Choose how the contact went'],
	['case-note', 'no text', (r) => (r.text = ''), 'text', 'Write the note'],
	['case-note', 'a malformed participant tag', (r) => (r.aboutParticipantIds = ['X']), 'aboutParticipantIds.0', 'Use an id of 8 to 64 lower-case letters, digits or dashes'],
	['case-note', 'a malformed amended note', (r) => (r.amendsNoteId = 'N'), 'amendsNoteId', 'Use an id of 8 to 64 lower-case letters, digits or dashes'],
	['consent', 'an unknown purpose', (r) => (r.purpose = 'everything'), 'purpose', 'Choose what the consent is for'],
	['consent', 'an unknown decision', (r) => (r.decision = 'maybe'), 'decision', 'Choose given, refused or withdrawn'],
	['consent', 'a malformed decision time', (r) => (r.decidedAt = 'Tuesday'), 'decidedAt', 'Enter a date and time in ISO 8601 form'],
	['consent', 'sharing given to no named agency', (r) => (r.purpose = 'share-information'), 'agencies', 'Name the agencies information may be shared with'],
	['letter', 'no body', (r) => (r.body = ''), 'body', 'Write the letter'],
	['letter', 'an unknown status', (r) => (r.status = 'posted'), 'status', 'Choose draft, reviewed, sent or not sent'],
	['letter', 'a review with no reviewer', (r) => (r.status = 'reviewed'), 'reviewedBy', 'Record who reviewed the letter'],
	['letter', 'a review with no time', (r) => Object.assign(r, { status: 'reviewed', reviewedBy: 'user-b' }), 'reviewedAt', 'Record when the letter was reviewed'],
	['letter', 'a sending with no time', (r) => Object.assign(r, { status: 'sent', reviewedBy: 'user-b', reviewedAt: r.createdAt }), 'sentAt', 'Record when the letter was sent'],
	['letter', 'a delivery of an unsent letter', (r) => (r.deliveredOn = '2026-10-03'), 'deliveredOn', 'Only a sent letter can be delivered'],
	['meeting', 'a malformed date', (r) => (r.scheduledFor = 'next week'), 'scheduledFor', 'Enter a date and time in ISO 8601 form'],
	['meeting', 'an unknown venue kind', (r) => (r.venue.kind = 'pub'), 'venue.kind', 'Choose the kind of venue'],
	['meeting', 'a prison venue with no establishment', (r) => delete r.venue.establishmentId, 'venue.establishmentId', 'Choose the establishment'],
	['meeting', 'one person meeting', (r) => (r.participantIds = ['participant-pr-0001']), 'participantIds', 'Choose the people meeting'],
	['meeting', 'no facilitators', (r) => (r.facilitatorIds = []), 'facilitatorIds', 'Choose the facilitators running the meeting'],
	['meeting', 'a held meeting with no time', (r) => (r.status = 'held'), 'heldAt', 'Record when the meeting was held'],
	['meeting', 'a held meeting without ground rules', (r) => Object.assign(r, { status: 'held', heldAt: r.scheduledFor, groundRulesAgreed: false }), 'groundRulesAgreed', 'A meeting is held only after ground rules are agreed'],
	['outcome-agreement', 'no actions', (r) => (r.actions = []), 'actions', 'Add at least one action'],
	['outcome-agreement', 'an action with no one to do it', (r) => (r.actions[0].who = ''), 'actions.0.who', 'Say who will do it'],
	['outcome-agreement', 'an action with a malformed date', (r) => (r.actions[0].byDate = 'soon'), 'actions.0.byDate', 'Enter a date like 2026-10-01'],
	['outcome-agreement', 'a done action with no date', (r) => (r.actions[0].status = 'done'), 'actions.0.completedOn', 'Enter the date it was done'],
	['outcome-agreement', 'two actions with one id', (r) => r.actions.push({ ...r.actions[0] }), 'actions', 'Each action needs its own id'],
	['outcome-agreement', 'no one monitoring', (r) => (r.monitoredBy = ''), 'monitoredBy', 'Choose who monitors the agreement'],
	['feedback', 'a score of 6', (r) => (r.satisfaction = 6), 'satisfaction', 'Choose a score from 1 to 5'],
	['feedback', 'a fractional score', (r) => (r.satisfaction = 3.5), 'satisfaction', 'Choose a score from 1 to 5'],
	['feedback', 'anonymous feedback that names its author', (r) => (r.anonymous = true), 'participantId', 'Name the participant, or mark the feedback anonymous and leave them out'],
	['feedback', 'anonymous feedback that carries a given name', (r) => Object.assign(r, { anonymous: true, participantId: undefined, givenName: 'Sam' }), 'givenName', 'Leave the name out of anonymous feedback'],
	['feedback', 'an unknown referral source', (r) => (r.referralSource = 'neighbour'), 'referralSource', 'Choose who made the referral'],
	['feedback', 'an unknown role', (r) => (r.role = 'victim'), 'role', 'Choose harmed person, person responsible or supporter']
];

describe('casework records', () => {
	it.each(cases)('refuses a %s with %s, naming the field', (type, _what, change, path, message) => {
		expect(parseRecord(exampleWith(type, change))).toEqual({ ok: false, problems: [{ path, message }] });
	});

	it('accepts anonymous feedback that names no one', () => {
		const record = exampleWith('feedback', (r) => {
			r.anonymous = true;
			delete r.participantId;
		});
		expect(parseRecord(record).ok).toBe(true);
	});

	it('accepts feedback named only by the name the person gave', () => {
		const record = exampleWith('feedback', (r) => {
			delete r.participantId;
			r.givenName = 'Sam Example';
		});
		expect(parseRecord(record).ok).toBe(true);
	});

	it('accepts a withdrawal with no reason', () => {
		expect(parseRecord(exampleWith('consent', (r) => (r.decision = 'withdrawn'))).ok).toBe(true);
	});

	it('accepts a meeting at a community venue with no establishment', () => {
		const record = exampleWith('meeting', (r) => (r.venue = { kind: 'community-venue', name: 'Leeds community centre' }));
		expect(parseRecord(record).ok).toBe(true);
	});
});
