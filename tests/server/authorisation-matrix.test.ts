import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseChildDocId } from '../../src/lib/domain/ids.js';
import { exampleRecords } from '../../src/lib/domain/record-fixtures.js';
import { DEFAULT_RETENTION_POLICY } from '../../src/lib/domain/retention-policy.js';
import { apiRoutes } from '../../server/http/define-route.js';
import { DEFAULT_CHECKLIST_TEMPLATE } from '../../src/lib/domain/checklist-template.js';
import { DEFAULT_POLICY_SETTINGS } from '../../src/lib/domain/policy-settings.js';
import { addCase, addUser, signIn, startInProcess, type InProcess } from './in-process.js';
import { professionalReferral, selfReferral } from './public-form-fixtures.js';

/**
 * Every role × every API route × own case / someone else's case / no case: the exact status, and
 * nothing of a case the caller may not see in the body. Written out by hand, not derived from
 * the policy it checks. (POST and DELETE /api/session are public and have their own tests.)
 */
type Actor = 'anonymous' | 'facilitator' | 'coordinator' | 'administrator';
type Target = 'own' | 'other' | 'none';
const ACTORS: Actor[] = ['anonymous', 'facilitator', 'coordinator', 'administrator'];

const CASES = { own: 'case-own-0001', other: 'case-other-0001', none: 'case-none-0001' } as const;
const OTHER_CASE = ['RJ-2026-0002', CASES.other];

let env: InProcess;
const cookies: Partial<Record<Actor, string>> = {};
const ids: Record<string, string> = {};
const feedbackTokens: string[] = [];
let openFeedbackToken = '';
const referralIds: string[] = [];
const invitationTokens: string[] = [];
let openInvitationToken = '';
let establishmentId = '';
let counter = 0;
const unique = () => `m${String(++counter).padStart(7, '0')}`;

beforeAll(async () => {
	env = await startInProcess();
	const s = env.services;
	ids.facilitator = await addUser(s, 'fac', ['facilitator']);
	ids.otherFacilitator = await addUser(s, 'otherfac', ['facilitator']);
	ids.spare = await addUser(s, 'sparefac', ['facilitator']);
	ids.coordinator = await addUser(s, 'coord', ['coordinator']);
	ids.administrator = await addUser(s, 'admin', ['administrator']);
	await addCase(s, CASES.own, 'RJ-2026-0001', ids.coordinator, [ids.facilitator]);
	await addCase(s, CASES.other, 'RJ-2026-0002', ids.coordinator, [ids.otherFacilitator]);
	for (const caseId of [CASES.own, CASES.other])
		await s.cases.insertRecord(caseChildDocId(caseId, 'participant', 'participant-matrix-01'), { ...exampleRecords.participant(), caseId, id: 'participant-matrix-01' });
	await s.devices.register('spare-device-0001', 'Spare tablet', ids.spare, new Date());
	for (let i = 0; i < ACTORS.length; i++) feedbackTokens.push((await s.feedbackLinks.create(CASES.own, undefined, ids.coordinator, new Date())).token);
	openFeedbackToken = (await s.feedbackLinks.create(CASES.own, undefined, ids.coordinator, new Date())).token;
	// One referral per accept and decline call, so each caller meets a new one.
	for (let i = 0; i < 2 * ACTORS.length + 1; i++) referralIds.push((await s.referrals.create({ kind: 'self', details: { role: 'harmed-person', name: `Person ${i}`, phone: '07700 900123' } }, new Date())).toLowerCase());
	for (let i = 0; i <= ACTORS.length; i++) {
		const invited = await addUser(s, `invited${i}`, ['facilitator']);
		invitationTokens.push((await s.invitations.create(invited, ids.administrator, new Date())).token);
	}
	openInvitationToken = invitationTokens.pop()!;
	const prison = { name: 'HMP Matrix (fictional)', securityCategory: 'C', visitRules: '', devicesAuthorised: false } as const;
	const made = await s.serviceRecords.createEstablishment(prison, ids.administrator, new Date());
	if (!made.ok) throw new Error(JSON.stringify(made.problems));
	establishmentId = made.value.id;
	cookies.facilitator = await signIn(env.app, 'fac', { id: 'fac-tablet-0001', label: 'Facilitator tablet' });
	cookies.coordinator = await signIn(env.app, 'coord');
	cookies.administrator = await signIn(env.app, 'admin');
}, 60_000);
afterAll(() => env.stop());

interface Row {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	path: (target: Target) => string;
	body?: (target: Target) => unknown;
	/** The URL actually sent, when each request needs its own (a single-use link). */
	fresh?: () => string;
	/** Expected status per actor: one number for every target, or one per own/other/none. */
	expect: Record<Actor, number | [number, number, number]>;
}

const caseRoute = (suffix: string) => (target: Target) => `/api/cases/${CASES[target]}${suffix}`;
const flat = (path: string) => () => path;
const user = (suffix: string) => () => `/api/users/${ids.spare}${suffix}`;
const EVERYONE = (status: number) => ({ anonymous: status, facilitator: status, coordinator: status, administrator: status });
const ADMIN_ONLY = (status: number) => ({ anonymous: 401, facilitator: 403, coordinator: 403, administrator: status });
const COORDINATOR_ONLY = (status: number) => ({ anonymous: 401, facilitator: 403, coordinator: status, administrator: 403 });
const OVERSEE = (status: number) => ({ anonymous: 401, facilitator: [403, 404, 404] as [number, number, number], coordinator: [status, status, 404] as [number, number, number], administrator: 403 });
const OFFICE = (status: number) => ({ anonymous: 401, facilitator: 403, coordinator: status, administrator: status });

const ROUTES: Record<string, Row> = {
	'read a case': { method: 'GET', path: caseRoute(''), expect: { anonymous: 401, facilitator: [200, 404, 404], coordinator: [200, 200, 404], administrator: 403 } },
	'add a case note': {
		method: 'POST',
		path: caseRoute('/notes'),
		body: () => ({ id: unique(), text: 'Met at the visits hall.', aboutParticipantIds: [] }),
		expect: { anonymous: 401, facilitator: [201, 404, 404], coordinator: [201, 201, 404], administrator: 403 }
	},
	'view a case audit log': { method: 'GET', path: caseRoute('/audit'), expect: { anonymous: 401, facilitator: [403, 404, 404], coordinator: [200, 200, 404], administrator: 403 } },
	'assign a facilitator': { method: 'PUT', path: (t) => `${caseRoute('/facilitators/')(t)}${ids.spare}`, expect: { anonymous: 401, facilitator: [403, 404, 404], coordinator: [200, 200, 404], administrator: 403 } },
	'unassign a facilitator': { method: 'DELETE', path: (t) => `${caseRoute('/facilitators/')(t)}${ids.spare}`, expect: { anonymous: 401, facilitator: [403, 404, 404], coordinator: [200, 200, 404], administrator: 403 } },
	'check health': { method: 'GET', path: flat('/api/health'), expect: { anonymous: 200, facilitator: 200, coordinator: 200, administrator: 200 } },
	'see who is signed in': { method: 'GET', path: flat('/api/session'), expect: { anonymous: 401, facilitator: 200, coordinator: 200, administrator: 200 } },
	'renew the session': { method: 'POST', path: flat('/api/session/refresh'), expect: { anonymous: 401, facilitator: 200, coordinator: 200, administrator: 200 } },
	'list my cases': { method: 'GET', path: flat('/api/cases'), expect: { anonymous: 401, facilitator: 200, coordinator: 200, administrator: 200 } },
	'report offline reads': {
		method: 'POST',
		path: flat('/api/audit/offline-reads'),
		body: () => ({ reads: [{ caseId: CASES.own, at: '2026-01-05T10:00:00.000Z' }] }),
		// Only a registered device reports offline reads; the office browsers have none.
		expect: { anonymous: 401, facilitator: 202, coordinator: 400, administrator: 400 }
	},
	'push changes': {
		method: 'POST',
		path: flat('/api/sync/push'),
		body: () => ({ mutations: [{ mutationId: unique(), recordId: unique(), recordType: 'contact', caseId: CASES.own, changes: { summary: { to: 'x' } }, deviceTime: '2026-01-05T10:00:00.000Z', deviceId: 'fac-tablet-0001' }] }),
		// Only a registered device syncs, as itself; the office browsers have none. Each change is then judged per case.
		expect: { anonymous: 401, facilitator: 200, coordinator: 400, administrator: 400 }
	},
	'pull changes': {
		method: 'POST',
		path: flat('/api/sync/pull'),
		body: () => ({ deviceId: 'fac-tablet-0001', cases: [{ caseId: CASES.none }] }),
		expect: { anonymous: 401, facilitator: 200, coordinator: 400, administrator: 400 }
	},
	'pull changes as one stream': {
		method: 'POST',
		path: flat('/api/sync/pull-stream'),
		body: () => ({ deviceId: 'fac-tablet-0001', cases: [{ caseId: CASES.none }] }),
		expect: { anonymous: 401, facilitator: 200, coordinator: 400, administrator: 400 }
	},
	'see changes filed for a case': { method: 'GET', path: caseRoute('/filed-changes'), expect: { anonymous: 401, facilitator: [403, 404, 404], coordinator: [200, 200, 404], administrator: 403 } },
	'list devices': { method: 'GET', path: flat('/api/devices'), expect: { anonymous: 401, facilitator: 403, coordinator: 403, administrator: 200 } },
	'rename a device': {
		method: 'PATCH',
		path: flat('/api/devices/spare-device-0001'),
		body: () => ({ label: 'Spare tablet (blue case)' }),
		expect: { anonymous: 401, facilitator: 403, coordinator: 403, administrator: 200 }
	},
	'revoke a device': { method: 'POST', path: flat('/api/devices/spare-device-0001/revoke'), expect: { anonymous: 401, facilitator: 403, coordinator: 403, administrator: 200 } },
	'list users': { method: 'GET', path: flat('/api/users'), expect: { anonymous: 401, facilitator: 403, coordinator: 403, administrator: 200 } },
	'create a user': {
		method: 'POST',
		path: flat('/api/users'),
		body: () => ({ username: unique(), displayName: 'New Person', roles: ['facilitator'], password: 'a long enough password' }),
		expect: { anonymous: 401, facilitator: 403, coordinator: 403, administrator: 201 }
	},
	// Before setting up, so no secret exists for these callers and any code is wrong.
	'confirm a second factor': { method: 'POST', path: flat('/api/session/second-factor/confirm'), body: () => ({ code: '000000' }), expect: OFFICE(400) },
	'turn off a second factor': { method: 'POST', path: flat('/api/session/second-factor/disable'), body: () => ({ code: '000000' }), expect: OFFICE(400) },
	'see my second factor': { method: 'GET', path: flat('/api/session/second-factor'), expect: OFFICE(200) },
	'set up a second factor': { method: 'POST', path: flat('/api/session/second-factor'), expect: OFFICE(201) },
	"change a person's roles": { method: 'PUT', path: user('/roles'), body: () => ({ roles: ['facilitator'] }), expect: ADMIN_ONLY(200) },
	'switch an account off': { method: 'POST', path: user('/disable'), expect: ADMIN_ONLY(200) },
	'switch an account on': { method: 'POST', path: user('/enable'), expect: ADMIN_ONLY(200) },
	"reset a person's second factor": { method: 'POST', path: user('/second-factor/reset'), expect: ADMIN_ONLY(200) },
	"view a person's account log": { method: 'GET', path: user('/audit'), expect: ADMIN_ONLY(200) },
	'make a feedback link': { method: 'POST', path: caseRoute('/feedback-links'), body: () => ({}), expect: { anonymous: 401, facilitator: [403, 404, 404], coordinator: [201, 201, 404], administrator: 403 } },
	'read the feedback given on a case': { method: 'GET', path: caseRoute('/feedback'), expect: OVERSEE(200) },
	'send a self-referral': { method: 'POST', path: flat('/api/public/self-referrals'), body: () => selfReferral, expect: EVERYONE(202) },
	'send a professional referral': { method: 'POST', path: flat('/api/public/professional-referrals'), body: () => professionalReferral, expect: EVERYONE(202) },
	'give feedback through a link': {
		method: 'POST',
		path: flat('/api/public/feedback/:token'),
		fresh: () => `/api/public/feedback/${feedbackTokens.shift()}`,
		body: () => ({ satisfaction: 4 }),
		expect: EVERYONE(201)
	},
	'see whether a feedback link is open': { method: 'GET', path: flat('/api/public/feedback/:token'), fresh: () => `/api/public/feedback/${openFeedbackToken}`, expect: EVERYONE(200) },
	'list referrals': { method: 'GET', path: flat('/api/referrals'), expect: COORDINATOR_ONLY(200) },
	'read a referral': { method: 'GET', path: flat('/api/referrals/:referralId'), fresh: () => `/api/referrals/${referralIds[0]}`, expect: COORDINATOR_ONLY(200) },
	'accept a referral': {
		method: 'POST',
		path: flat('/api/referrals/:referralId/accept'),
		fresh: () => `/api/referrals/${referralIds.pop()}/accept`,
		body: () => ({ justiceStage: 'custodial-sentence' }),
		expect: COORDINATOR_ONLY(201)
	},
	'decline a referral': {
		method: 'POST',
		path: flat('/api/referrals/:referralId/decline'),
		fresh: () => `/api/referrals/${referralIds.pop()}/decline`,
		body: () => ({ reason: 'duplicate' }),
		expect: COORDINATOR_ONLY(200)
	},
	'list allocations': { method: 'GET', path: flat('/api/allocations'), expect: COORDINATOR_ONLY(200) },
	"see a case's allocation": { method: 'GET', path: caseRoute('/allocation'), expect: OVERSEE(200) },
	// Sets each case's list to what it is, so the rows after this one meet the same assignments.
	'set the facilitators': {
		method: 'PUT',
		path: caseRoute('/facilitators'),
		body: (target) => ({ facilitatorIds: target === 'own' ? [ids.facilitator] : [ids.otherFacilitator] }),
		expect: OVERSEE(200)
	},
	'record a conflict of interest': {
		method: 'PUT',
		path: (t) => `${caseRoute('/conflicts-of-interest/')(t)}${ids.spare}`,
		body: () => ({ note: 'Knows the family.' }),
		expect: OVERSEE(200)
	},
	'remove a conflict of interest': { method: 'DELETE', path: (t) => `${caseRoute('/conflicts-of-interest/')(t)}${ids.spare}`, expect: OVERSEE(200) },
	'see the caseload limit': { method: 'GET', path: flat('/api/settings/caseload'), expect: COORDINATOR_ONLY(200) },
	'set the caseload limit': { method: 'PUT', path: flat('/api/settings/caseload'), body: () => ({ caseloadLimit: 10 }), expect: ADMIN_ONLY(200) },
	'see the retention settings': { method: 'GET', path: flat('/api/settings/retention'), expect: OFFICE(200) },
	'set the retention settings': { method: 'PUT', path: flat('/api/settings/retention'), body: () => ({ policy: DEFAULT_RETENTION_POLICY }), expect: ADMIN_ONLY(200) },
	'see what retention would remove': { method: 'GET', path: flat('/api/retention/preview'), expect: ADMIN_ONLY(200) },
	'run retention': { method: 'POST', path: flat('/api/retention/run'), expect: ADMIN_ONLY(200) },
	"list a case's participants": { method: 'GET', path: caseRoute('/participants'), expect: OVERSEE(200) },
	"read a participant's details": { method: 'GET', path: caseRoute('/participants/participant-matrix-01'), expect: OVERSEE(200) },
	"correct a participant's details": {
		method: 'PUT',
		path: caseRoute('/participants/participant-matrix-01/rectification'),
		body: () => ({ changes: { language: `Welsh ${unique()}` }, reason: 'They told us' }),
		expect: OVERSEE(200)
	},
	// The wrong reference: the access decision is what is checked here, and nothing is erased.
	'erase a participant': {
		method: 'POST',
		path: caseRoute('/participants/participant-matrix-01/erasure'),
		body: () => ({ reason: 'They asked', confirmReference: 'RJ-2026-9999' }),
		expect: OVERSEE(400)
	},
	'invite a person': { method: 'POST', path: flat('/api/invitations'), body: () => ({ username: unique(), displayName: 'New Person', roles: ['facilitator'] }), expect: ADMIN_ONLY(201) },
	'see whether an invitation is open': { method: 'GET', path: flat('/api/public/invitations/:token'), fresh: () => `/api/public/invitations/${openInvitationToken}`, expect: EVERYONE(200) },
	'set a password through an invitation': {
		method: 'POST',
		path: flat('/api/public/invitations/:token'),
		fresh: () => `/api/public/invitations/${invitationTokens.shift()}`,
		body: () => ({ password: 'a long enough password' }),
		expect: EVERYONE(200)
	},
	'list establishments': { method: 'GET', path: flat('/api/establishments'), expect: OFFICE(200) },
	'add an establishment': {
		method: 'POST',
		path: flat('/api/establishments'),
		body: () => ({ name: 'HMP Added (fictional)', securityCategory: 'B', visitRules: '', devicesAuthorised: false }),
		expect: ADMIN_ONLY(201)
	},
	'change an establishment': {
		method: 'PUT',
		path: flat('/api/establishments/:establishmentId'),
		fresh: () => `/api/establishments/${establishmentId}`,
		body: () => ({ name: 'HMP Matrix (fictional)', securityCategory: 'C', visitRules: `Rule ${unique()}`, devicesAuthorised: false }),
		expect: ADMIN_ONLY(200)
	},
	"view an establishment's log": { method: 'GET', path: flat('/api/establishments/:establishmentId/audit'), fresh: () => `/api/establishments/${establishmentId}/audit`, expect: ADMIN_ONLY(200) },
	'list checklist templates': { method: 'GET', path: flat('/api/checklist-templates'), expect: OFFICE(200) },
	'publish a checklist template version': {
		method: 'POST',
		path: flat('/api/checklist-templates/:templateId/versions'),
		fresh: () => `/api/checklist-templates/${DEFAULT_CHECKLIST_TEMPLATE.templateId}/versions`,
		body: () => ({ basedOnVersion: 1, title: 'Risk checklist', description: DEFAULT_CHECKLIST_TEMPLATE.description, sections: DEFAULT_CHECKLIST_TEMPLATE.sections }),
		expect: ADMIN_ONLY(201)
	},
	'read the tablet settings': { method: 'GET', path: flat('/api/settings/tablet'), expect: { anonymous: 401, facilitator: 200, coordinator: 200, administrator: 200 } },
	'see the service policy': { method: 'GET', path: flat('/api/settings/policy'), expect: OFFICE(200) },
	'set the service policy': { method: 'PUT', path: flat('/api/settings/policy'), body: () => ({ ...DEFAULT_POLICY_SETTINGS, riskAssessmentFreshnessDays: 21 }), expect: ADMIN_ONLY(200) },
	"view the service policy's log": { method: 'GET', path: flat('/api/settings/policy/audit'), expect: ADMIN_ONLY(200) },
	'read the reports': { method: 'GET', path: flat('/api/reports'), expect: OFFICE(200) },
	'export the reports as CSV': { method: 'GET', path: flat('/api/reports.csv'), expect: OFFICE(200) },
	'search people for a subject access request': { method: 'GET', path: flat('/api/subject-access/people'), fresh: () => '/api/subject-access/people?q=person', expect: COORDINATOR_ONLY(200) },
	// No one is on the matrix's cases: a coordinator's well-formed request reaches the check that the person is on the case.
	'review a subject access request': { method: 'POST', path: flat('/api/subject-access/review'), body: () => ({ participants: [{ caseId: CASES.own, participantId: 'nobody-here-0001' }] }), expect: COORDINATOR_ONLY(400) },
	'export a subject access request': { method: 'POST', path: flat('/api/subject-access/exports'), body: () => ({ participants: [{ caseId: CASES.own, participantId: 'nobody-here-0001' }], exclude: [] }), expect: COORDINATOR_ONLY(400) },
	'see who is due supervision': { method: 'GET', path: flat('/api/practice'), expect: OFFICE(200) },
	"read a facilitator's practice records": { method: 'GET', path: () => `/api/practice/${ids.spare}`, expect: OFFICE(200) },
	'add to practice records': {
		method: 'POST',
		path: () => `/api/practice/${ids.spare}/entries`,
		body: () => ({ kind: 'training', date: '2026-01-05', title: 'Refresher', hours: 3, provider: 'RJC' }),
		expect: OFFICE(201)
	},
	'read the practice report': { method: 'GET', path: flat('/api/practice/report'), fresh: () => '/api/practice/report?from=2026-01-01&to=2026-03-31', expect: OFFICE(200) },
	'export the practice report as CSV': { method: 'GET', path: flat('/api/practice/report.csv'), fresh: () => '/api/practice/report.csv?from=2026-01-01&to=2026-03-31', expect: OFFICE(200) },
	'see the practice settings': { method: 'GET', path: flat('/api/settings/practice'), expect: OFFICE(200) },
	'set the practice settings': { method: 'PUT', path: flat('/api/settings/practice'), body: () => ({ supervisionIntervalWeeks: 12, observationIntervalMonths: 12, accreditationWarningDays: 60 }), expect: ADMIN_ONLY(200) },
	'see the paper pack settings': { method: 'GET', path: flat('/api/settings/paper'), expect: OFFICE(200) },
	'set the paper pack settings': { method: 'PUT', path: flat('/api/settings/paper'), body: () => ({ reminderDays: 7 }), expect: ADMIN_ONLY(200) },
	'report case screens opened on a tablet': {
		method: 'POST',
		path: flat('/api/sync/access-reports'),
		body: () => ({ deviceId: 'fac-tablet-0001', entries: [] }),
		// Only a registered device reports, as itself; the office browsers have none.
		expect: { anonymous: 401, facilitator: 200, coordinator: 400, administrator: 400 }
	},
	'review who opened cases': { method: 'GET', path: flat('/api/data-protection/access'), fresh: () => `/api/data-protection/access?userId=${ids.spare}`, expect: OFFICE(200) },
	'list the people an access review can ask about': { method: 'GET', path: flat('/api/data-protection/staff'), expect: OFFICE(200) },
	'list devices with the cases they hold': { method: 'GET', path: flat('/api/data-protection/devices'), expect: OFFICE(200) }
};

const GENERIC_BODIES: Record<number, object> = {
	401: { error: 'unauthenticated', message: 'Sign in to continue.' },
	403: { error: 'forbidden', message: 'You do not have access to this.' },
	404: { error: 'not-found', message: 'There is nothing here, or you do not have access to it.' }
};

const TARGETS: Target[] = ['own', 'other', 'none'];
const rows = Object.entries(ROUTES).flatMap(([name, row]) =>
	ACTORS.flatMap((actor) => {
		const expected = row.expect[actor];
		const isCaseRoute = Array.isArray(expected) || row.path('own') !== row.path('other');
		return (isCaseRoute ? TARGETS : (['none'] as Target[])).map((target) => ({
			name,
			actor,
			target: isCaseRoute ? `${target} case` : 'no case',
			status: Array.isArray(expected) ? expected[TARGETS.indexOf(target)]! : expected,
			row,
			targetKey: target
		}));
	})
);

describe('the authorisation matrix', () => {
	it('covers every API route the server has', () => {
		const covered = Object.values(ROUTES).map((row) => `${row.method} ${row.path('own')}`);
		const known = apiRoutes(env.app).map((route) => route.replace(':caseId', CASES.own).replace(':userId', ids.spare!).replace(':deviceId', 'spare-device-0001').replace(':participantId', 'participant-matrix-01'));
		expect([...covered, 'POST /api/session', 'DELETE /api/session'].sort()).toEqual([...known].sort());
	});

	it.each(rows)('$actor: $name ($target) answers $status', async ({ actor, row, targetKey, status }) => {
		const answer = await env.app.inject({
			method: row.method,
			url: row.fresh ? row.fresh() : row.path(targetKey),
			headers: cookies[actor] ? { cookie: cookies[actor] } : {},
			...(row.body ? { payload: row.body(targetKey) as object } : {})
		});
		expect(answer.statusCode, answer.body).toBe(status);
		const generic = GENERIC_BODIES[status];
		if (generic) expect(answer.json()).toEqual(generic);
		// Only a coordinator may learn that someone else's case exists; no refusal names any case.
		if (actor !== 'coordinator') for (const secret of OTHER_CASE) expect(answer.body).not.toContain(secret);
		if (status >= 400) for (const secret of [...OTHER_CASE, 'RJ-2026-0001', 'facilitatorIds']) expect(answer.body).not.toContain(secret);
	});
});
