import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseChildDocId } from '../../src/lib/domain/ids.js';
import { parseRecord } from '../../src/lib/domain/records.js';
import type { AuditLogResponse } from '../../src/lib/protocol/audit.js';
import type { SubjectExportResponse, SubjectReviewResponse, SubjectSearchResponse } from '../../src/lib/protocol/subject-access.js';
import { addCase, addUser, signIn, startInProcess, type InProcess } from './in-process.js';

let env: InProcess;
const ids: Record<string, string> = {};
const cookies: Record<string, string> = {};
const AT = '2026-03-03T10:00:00.000Z';
const FIRST = 'case-sar-first-01';
const SECOND = 'case-sar-second-1';
const JORDAN = [{ caseId: FIRST, participantId: 'jordan-first-0001' }, { caseId: SECOND, participantId: 'jordan-second-001' }];

async function add(record: Record<string, unknown>): Promise<void> {
	const full = { v: 1, createdAt: AT, updatedAt: AT, createdBy: ids.fac, ...record };
	const parsed = parseRecord(full);
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
	await env.services.cases.insertRecord(caseChildDocId(String(record.caseId), String(record.type), String(record.id)), parsed.value);
}

const person = (caseId: string, id: string, role: string, name: string, preferredName: string, extra: object = {}) =>
	add({ type: 'participant', id, caseId, role, name, preferredName, language: 'English', interpreterNeeded: false, accessibilityNeeds: '', setting: 'community',
		safeContact: { methods: ['phone'], safeTimes: 'Evenings', voicemailAllowed: false, lettersToHomeAllowed: false, notes: '' }, ...extra });
const note = (caseId: string, id: string, text: string, about: string[]) => add({ type: 'case-note', id, caseId, text, aboutParticipantIds: about });

beforeAll(async () => {
	env = await startInProcess();
	ids.fac = await addUser(env.services, 'fac', ['facilitator']);
	ids.coord = await addUser(env.services, 'coord', ['coordinator']);
	ids.admin = await addUser(env.services, 'admin', ['administrator']);
	await addCase(env.services, FIRST, 'RJ-2026-0301', ids.coord, [ids.fac]);
	await addCase(env.services, SECOND, 'RJ-2026-0302', ids.coord, [ids.fac]);
	await person(FIRST, 'jordan-first-0001', 'harmed-person', 'Jordan Example', 'Jo');
	await person(FIRST, 'casey-first-00001', 'person-responsible', 'Casey Madeup', 'Casey');
	await person(FIRST, 'morgan-first-0001', 'supporter', 'Morgan Example', 'Morgan', { supportsParticipantId: 'jordan-first-0001' });
	await person(SECOND, 'jordan-second-001', 'harmed-person', 'Jordan Example', 'Jo');
	await person(SECOND, 'riley-second-0001', 'person-responsible', 'Riley Otherperson', 'Riley');
	await note(FIRST, 'note-jordan-00001', 'Jo said the letter helped a great deal.', ['jordan-first-0001']);
	await note(FIRST, 'note-casey-000001', 'Casey spoke about his own childhood and his probation order.', ['casey-first-00001']);
	await note(FIRST, 'note-nobody-00001', 'Room booked for the visit.', []);
	await note(FIRST, 'note-both-0000001', 'Jo and Casey Madeup both want to meet; Morgan will come too.', ['jordan-first-0001', 'casey-first-00001']);
	await note(SECOND, 'note-second-00001', 'Jordan asked whether Riley had been told.', ['jordan-second-001']);
	await add({ type: 'consent', id: 'consent-jordan-01', caseId: FIRST, participantId: 'jordan-first-0001', purpose: 'take-part', agencies: [], decision: 'given', decidedAt: AT });
	await add({ type: 'consent', id: 'consent-casey-001', caseId: FIRST, participantId: 'casey-first-00001', purpose: 'take-part', agencies: [], decision: 'refused', decidedAt: AT, note: 'Casey refused at first.' });
	await add({ type: 'risk-assessment', id: 'assess-jordan-001', caseId: FIRST, participantId: 'jordan-first-0001', templateId: 'default-risk-checklist', templateVersion: 1,
		stage: 'assessment', status: 'completed', answers: {}, completedAt: AT, decision: { outcome: 'proceed', reasons: 'Jo is well supported.', decidedAt: AT, decidedBy: ids.fac } });
	cookies.fac = await signIn(env.app, 'fac', { id: 'sar-tablet-0001', label: 'Blue tablet' });
	cookies.coord = await signIn(env.app, 'coord');
	cookies.admin = await signIn(env.app, 'admin');
	// A facilitator reads the case on their tablet: the export must say so.
	expect((await env.app.inject({ method: 'GET', url: `/api/cases/${FIRST}`, headers: { cookie: cookies.fac } })).statusCode).toBe(200);
}, 60_000);
afterAll(() => env.stop());

const send = (method: 'GET' | 'POST', url: string, who = 'coord', payload?: object) =>
	env.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });
const exportFor = async (exclude: string[] = []) => {
	const answer = await send('POST', '/api/subject-access/exports', 'coord', { participants: JORDAN, exclude });
	expect(answer.statusCode).toBe(201);
	return answer.json<SubjectExportResponse>();
};

describe('finding the person', () => {
	it('finds a participant in every case by part of their name, and a whole case by its reference', async () => {
		const byName = (await send('GET', '/api/subject-access/people?q=jor%20exa')).json<SubjectSearchResponse>();
		expect(byName.matches.map((m) => [m.caseReference, m.name])).toEqual([['RJ-2026-0301', 'Jordan Example'], ['RJ-2026-0302', 'Jordan Example']]);
		const byReference = (await send('GET', '/api/subject-access/people?q=RJ-2026-0302')).json<SubjectSearchResponse>();
		expect(byReference.matches.map((m) => m.name).sort()).toEqual(['Jordan Example', 'Riley Otherperson']);
	});

	it('refuses a search too short to mean anything, naming the field', async () => {
		const answer = await send('GET', '/api/subject-access/people?q=j');
		expect(answer.statusCode).toBe(400);
		expect(answer.json().fields).toEqual([expect.objectContaining({ path: 'q' })]);
	});
});

describe('the export', () => {
	it('holds the person’s records from both cases and none of the other party’s untagged or own notes', async () => {
		const { document, html } = await exportFor();
		const text = JSON.stringify(document);
		expect(text).toContain('Jo said the letter helped a great deal.');
		expect(text).toContain('RJ-2026-0302');
		expect(text).toContain('Jo is well supported.');
		for (const hidden of ['his own childhood', 'Room booked', 'Casey refused at first']) {
			expect(text).not.toContain(hidden);
			expect(html).not.toContain(hidden);
		}
		expect(document.sections.find((s) => s.heading === 'Your consent decisions')?.items).toHaveLength(1);
	});

	it('hides other people’s names in the release copy but keeps the person’s own, even a shared family name', async () => {
		const { document, html } = await exportFor();
		const text = JSON.stringify(document);
		expect(text).toContain('Jo and [other person] both want to meet; [other person] will come too.');
		expect(text).toContain('Jordan asked whether [other person] had been told.');
		for (const name of ['Casey', 'Madeup', 'Morgan', 'Riley']) expect(html).not.toContain(name);
		expect(html).toContain('Jordan Example');
	});

	it('flags items that concern other people for review, with the reason, before release', async () => {
		const review = (await send('POST', '/api/subject-access/review', 'coord', { participants: JORDAN })).json<SubjectReviewResponse>();
		const both = review.items.find((i) => i.fields.some((f) => f.value.startsWith('Jo and [other person]')));
		expect(both?.reviewReasons).toEqual(['This note is also about someone else on the case', 'It names another person; their name is hidden in the copy to release']);
		expect(both?.redactions).toBe(2);
		const own = review.items.find((i) => i.fields.some((f) => f.value === 'Jo said the letter helped a great deal.'));
		expect(own?.reviewReasons).toEqual([]);
	});

	it('leaves out an item the coordinator excluded, and shows no internal ids or codes', async () => {
		const review = (await send('POST', '/api/subject-access/review', 'coord', { participants: JORDAN })).json<SubjectReviewResponse>();
		const both = review.items.find((i) => i.fields.some((f) => f.value.startsWith('Jo and [other person]')))!;
		const { document, html, counts } = await exportFor([both.key]);
		expect(JSON.stringify(document)).not.toContain('both want to meet');
		expect(counts.excluded).toBe(1);
		for (const code of ['jordan-first-0001', FIRST, ids.fac!, 'harmed-person', 'take-part', 'sar-tablet-0001']) expect(html).not.toContain(code);
	});

	it('lists who read the person’s case, when and on which device', async () => {
		const { document } = await exportFor();
		expect(document.access).toContainEqual(expect.objectContaining({ caseReference: 'RJ-2026-0301', who: 'Test fac', what: 'Read the case', device: 'Blue tablet', how: 'Online' }));
	});

	it('is audited on each case with who, for which participant and the counts, and no names', async () => {
		const { counts } = await exportFor();
		const log = (await send('GET', `/api/cases/${FIRST}/audit`)).json<AuditLogResponse>();
		const line = log.entries.filter((e) => e.action === 'export').at(-1);
		expect(line).toMatchObject({ userId: ids.coord, recordId: 'jordan-first-0001', exported: { excluded: 0 } });
		expect(line!.exported!.items).toBeGreaterThan(3);
		expect(line!.exported!.redacted).toBe(1);
		expect(counts.redacted).toBe(2);
		const raw = JSON.stringify(log.entries);
		for (const name of ['Jordan', 'Example', 'Casey', 'Jo ']) expect(raw).not.toContain(name);
	});
});

describe('bad requests change nothing', () => {
	it('names the participant entry that is not on its case, and writes no audit line', async () => {
		const before = (await send('GET', `/api/cases/${FIRST}/audit`)).json<AuditLogResponse>().entries.length;
		const answer = await send('POST', '/api/subject-access/exports', 'coord', { participants: [{ caseId: FIRST, participantId: 'riley-second-0001' }], exclude: [] });
		expect(answer.statusCode).toBe(400);
		expect(answer.json().fields).toEqual([expect.objectContaining({ path: 'participants.0.participantId' })]);
		expect((await send('GET', `/api/cases/${FIRST}/audit`)).json<AuditLogResponse>().entries).toHaveLength(before);
	});

	it('names an excluded item that is not in the review', async () => {
		const answer = await send('POST', '/api/subject-access/exports', 'coord', { participants: JORDAN, exclude: ['not-an-item'] });
		expect(answer.statusCode).toBe(400);
		expect(answer.json().fields).toEqual([expect.objectContaining({ path: 'exclude.0' })]);
	});

	it('names a missing list of participants', async () => {
		const answer = await send('POST', '/api/subject-access/exports', 'coord', { exclude: [] });
		expect(answer.statusCode).toBe(400);
		expect(answer.json().fields).toEqual([expect.objectContaining({ path: 'participants' })]);
	});

	it('is for coordinators only', async () => {
		expect((await send('POST', '/api/subject-access/review', 'fac', { participants: JORDAN })).statusCode).toBe(403);
		expect((await send('GET', '/api/subject-access/people?q=jordan', 'admin')).statusCode).toBe(403);
	});
});
