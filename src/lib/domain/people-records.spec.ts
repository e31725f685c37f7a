import { describe, expect, it } from 'vitest';
import { deviceAuthorisationOn, devicesAllowedOn, parseEstablishment } from './establishment.js';
import { displayName } from './participant.js';
import { exampleRecords, exampleWith, type ExampleType, type LooseRecord } from './record-fixtures.js';
import { parseRecord } from './records.js';

type Case = [ExampleType, string, (r: LooseRecord) => void, string, string];

const cases: Case[] = [
	['participant', 'an unknown role', (r) => (r.role = 'victim'), 'role', 'Choose harmed person, person responsible or supporter'],
	['participant', 'an empty name', (r) => (r.name = '   '), 'name', 'Enter their name'],
	['participant', 'no language', (r) => (r.language = ''), 'language', 'Enter the language they prefer'],
	['participant', 'no interpreter answer', (r) => delete r.interpreterNeeded, 'interpreterNeeded', 'Say whether an interpreter is needed'],
	['participant', 'no safe contact method', (r) => (r.safeContact.methods = []), 'safeContact.methods', 'Choose at least one safe way to make contact'],
	['participant', 'an unknown contact method', (r) => (r.safeContact.methods = ['pigeon']), 'safeContact.methods.0', 'Choose a contact method from the list'],
	['participant', 'no voicemail answer', (r) => delete r.safeContact.voicemailAllowed, 'safeContact.voicemailAllowed', 'Say whether a voicemail may be left'],
	['participant', 'an unknown setting', (r) => (r.setting = 'hospital'), 'setting', 'Choose custody or community'],
	['participant', 'a malformed prison number', (r) => (r.prisonNumber = '12345'), 'prisonNumber', 'Use a prison number like A1234BC'],
	['participant', 'custody without a prison number', (r) => delete r.prisonNumber, 'prisonNumber', 'Enter the prison number of a person in custody'],
	['participant', 'custody without an establishment', (r) => delete r.establishmentId, 'establishmentId', 'Choose the establishment they are held in'],
	['participant', 'a supporter who supports no one', (r) => (r.role = 'supporter'), 'supportsParticipantId', 'Choose the person they support'],
	['professional', 'an unknown role', (r) => (r.role = 'judge'), 'role', 'Choose their role from the list'],
	['professional', 'no name', (r) => (r.name = ''), 'name', 'Enter their name'],
	['professional', 'no organisation', (r) => (r.organisation = ''), 'organisation', 'Enter their organisation'],
	['professional', 'a malformed email', (r) => (r.email = 'alex at probation'), 'email', 'Enter an email address like name@example.gov.uk'],
	['professional', 'a malformed phone number', (r) => (r.phone = 'call me'), 'phone', 'Enter a phone number using digits and spaces'],
	['establishment', 'no name', (r) => (r.name = ''), 'name', 'Enter the name of the establishment'],
	['establishment', 'an unknown category', (r) => (r.securityCategory = 'E'), 'securityCategory', 'Choose a security category'],
	['establishment', 'no device answer', (r) => delete r.devicesAuthorised, 'devicesAuthorised', 'Say whether the service’s devices are authorised here'],
	['establishment', 'an authorisation without an end', (r) => delete r.devicesAuthorisedUntil, 'devicesAuthorisedUntil', 'Enter the date the authorisation ends'],
	['establishment', 'a malformed end date', (r) => (r.devicesAuthorisedUntil = '31/03/2027'), 'devicesAuthorisedUntil', 'Enter a date like 2026-10-01']
];

describe('people and places', () => {
	it.each(cases)('refuses a %s with %s, naming the field', (type, _what, change, path, message) => {
		expect(parseRecord(exampleWith(type, change))).toEqual({ ok: false, problems: [{ path, message }] });
	});

	it('accepts a person in the community without a prison number', () => {
		const record = exampleWith('participant', (r) => {
			r.setting = 'community';
			delete r.prisonNumber;
			delete r.establishmentId;
		});
		expect(parseRecord(record).ok).toBe(true);
	});

	it('uses the preferred name when there is one', () => {
		expect(displayName({ name: 'Samuel Example', preferredName: 'Sam' })).toBe('Sam');
		expect(displayName({ name: 'Samuel Example', preferredName: ' ' })).toBe('Samuel Example');
	});

	it('allows devices into an establishment up to and including the last authorised day', () => {
		const parsed = parseEstablishment(exampleRecords.establishment());
		if (!parsed.ok) throw new Error('example is invalid');
		expect(devicesAllowedOn(parsed.value, '2027-03-31')).toBe(true);
		expect(devicesAllowedOn(parsed.value, '2027-04-01')).toBe(false);
		expect(devicesAllowedOn({ ...parsed.value, devicesAuthorised: false }, '2026-10-01')).toBe(false);
	});
});

describe('device authorisation for a visit', () => {
	const prison = () => {
		const parsed = parseEstablishment(exampleRecords.establishment());
		if (!parsed.ok) throw new Error('the example establishment is invalid');
		return parsed.value;
	};

	it('says tablets are allowed up to and including the last authorised day', () => {
		expect(deviceAuthorisationOn(prison(), '2027-03-31')).toEqual({ state: 'allowed', until: '2027-03-31' });
	});

	it('says the authorisation has expired the day after, with the day it ended', () => {
		expect(deviceAuthorisationOn(prison(), '2027-04-01')).toEqual({ state: 'expired', until: '2027-03-31' });
	});

	it('says the authorisation is missing when the establishment never authorised tablets', () => {
		expect(deviceAuthorisationOn({ ...prison(), devicesAuthorised: false }, '2026-10-01')).toEqual({ state: 'missing' });
	});
});
