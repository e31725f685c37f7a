import { describe, expect, it } from 'vitest';
import type { ContactRecord } from '../domain/contact.js';
import type { EstablishmentRecord } from '../domain/establishment.js';
import type { ParticipantRecord } from '../domain/participant.js';
import { exampleRecords, exampleWith } from '../domain/record-fixtures.js';
import { parseRecord } from '../domain/records.js';
import { contactFormDefaults, contactInput, lastEstablishmentId, type ContactForm } from './contact-form.js';

const prison = (id: string, name: string) => ({ ...exampleRecords.establishment(), id, name }) as EstablishmentRecord;
const NORTH = prison('establishment-north', 'HMP North');
const SOUTH = prison('establishment-south', 'HMP South');
const visit = (id: string, establishmentId: string, occurredAt: string, createdBy = 'user-facilitator-a') =>
	({ ...exampleRecords.contact(), id, caseId: 'case-0009-abcd', establishmentId, occurredAt, createdBy }) as ContactRecord;
const inCustody = exampleRecords.participant() as ParticipantRecord;

describe('the establishment a new contact starts at', () => {
	it('is where this facilitator last recorded a contact, on any case', () => {
		const contacts = [visit('contact-a-0001', NORTH.id, '2026-10-01T09:00:00.000Z'), visit('contact-a-0002', SOUTH.id, '2026-10-05T09:00:00.000Z'), visit('contact-b-0001', NORTH.id, '2026-10-09T09:00:00.000Z', 'user-facilitator-b')];
		expect(lastEstablishmentId(contacts, 'user-facilitator-a', [], [NORTH, SOUTH])).toBe(SOUTH.id);
	});

	it('is where the case’s person in custody is held when this facilitator has no contacts yet', () => {
		expect(lastEstablishmentId([], 'user-facilitator-a', [{ ...inCustody, establishmentId: NORTH.id }], [NORTH, SOUTH])).toBe(NORTH.id);
	});

	it('is nowhere when nothing points to a known establishment', () => {
		expect(lastEstablishmentId([visit('contact-a-0001', 'establishment-gone', '2026-10-01T09:00:00.000Z')], 'user-facilitator-a', [], [NORTH])).toBe('');
	});

	it('comes with a visit, now, that went ahead', () => {
		const defaults = contactFormDefaults([NORTH, visit('contact-a-0001', NORTH.id, '2026-10-01T09:00:00.000Z')], 'user-facilitator-a', 'case-0001-abcd', '2026-11-02T10:15');
		expect(defaults).toEqual({ kind: 'visit', participantIds: [], establishmentId: NORTH.id, place: '', when: '2026-11-02T10:15', outcome: 'completed', summary: '' });
	});
});

describe('turning the contact form into a record', () => {
	const ctx = { id: 'contact-new-0001', caseId: 'case-0001-abcd', userId: 'user-facilitator-a', now: '2026-11-02T10:20:00.000Z', establishments: [NORTH] };
	const form = (changes: Partial<ContactForm> = {}): ContactForm => ({
		kind: 'visit', participantIds: ['participant-pr-0001'], establishmentId: NORTH.id, place: '', when: '2026-11-02T10:15', outcome: 'completed', summary: ' Went well. ', ...changes
	});

	it('makes a valid contact naming the establishment, with its name as the place', () => {
		const input = contactInput(form(), ctx);
		const parsed = parseRecord(input.ok ? input.value : undefined);
		expect(parsed.ok && parsed.value).toMatchObject({ type: 'contact', establishmentId: NORTH.id, place: 'HMP North', summary: 'Went well.', createdBy: 'user-facilitator-a' });
	});

	it('takes a typed place when the contact was somewhere else', () => {
		const input = contactInput(form({ establishmentId: '', place: ' Community centre ' }), ctx);
		expect(input.ok && input.value).toMatchObject({ place: 'Community centre' });
		expect(input.ok && 'establishmentId' in (input.value as object)).toBe(false);
	});

	it('names the field when the date is not a date, or a visit has no place', () => {
		expect(contactInput(form({ when: '' }), ctx)).toEqual({ ok: false, problems: [{ path: 'occurredAt', message: 'Enter the date and time of the contact' }] });
		expect(contactInput(form({ establishmentId: '', place: ' ' }), ctx)).toEqual({ ok: false, problems: [{ path: 'place', message: 'Choose the establishment or say where the visit was' }] });
	});

	it('leaves “who” to the domain schema, which names the field', () => {
		const input = contactInput(form({ participantIds: [] }), ctx);
		expect(parseRecord(input.ok ? input.value : undefined)).toEqual({ ok: false, problems: [{ path: 'participantIds', message: 'Choose who the contact was with' }] });
	});

	it('accepts an old contact without an establishment (the field is optional)', () => {
		expect(parseRecord(exampleWith('contact', (c) => delete c.establishmentId)).ok).toBe(true);
	});
});
