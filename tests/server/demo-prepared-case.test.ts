import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFacts } from '../../src/lib/domain/case-facts.js';
import { meetingFailures } from '../../src/lib/domain/meeting-gate.js';
import type { MeetingRecord } from '../../src/lib/domain/meeting.js';
import { parseRecord, type DomainRecord, type RecordOf } from '../../src/lib/domain/records.js';
import { DEFAULT_SERVICE_POLICY } from '../../src/lib/domain/service-policy.js';
import { DEMO_PREPARED_CASE, loadDemoCasework } from '../../server/services/demo-prepared-case.js';
import { addUser, signIn, startInProcess, type InProcess } from './in-process.js';
import { pull, type Tablet } from './sync-support.js';

const NOW = new Date('2026-11-20T10:00:00.000Z');
let env: InProcess;
let tablet: Tablet;

beforeAll(async () => {
	env = await startInProcess();
	const s = env.services;
	const [facilitatorId, coFacilitatorId, coordinatorId] = [await addUser(s, 'fac', ['facilitator']), await addUser(s, 'cofac', ['facilitator']), await addUser(s, 'coord', ['coordinator'])];
	await loadDemoCasework(s.cases, { facilitatorId, coFacilitatorId, coordinatorId }, NOW);
	await s.accounts.assign(facilitatorId, DEMO_PREPARED_CASE.id, NOW);
	tablet = { deviceId: 'fac-tablet-0201', cookie: await signIn(env.app, 'fac', { id: 'fac-tablet-0201', label: 'Tablet A' }) };
}, 60_000);
afterAll(() => env.stop());

const ofType = <K extends DomainRecord['type']>(records: DomainRecord[], type: K) => records.filter((r): r is RecordOf<K> => r.type === type);

describe('the prepared demo case', () => {
	it('reaches its facilitator as valid records, with its establishment, and refuses a meeting because one assessment is stale', async () => {
		const { status, body } = await pull(env.app, tablet, { cases: [], service: {} });
		expect(status).toBe(200);
		const records = body.records.map((r) => parseRecord(r.record)).map((parsed) => (parsed.ok ? parsed.value : expect.fail(JSON.stringify(parsed.problems))));
		expect(ofType(records, 'establishment').map((e) => e.name)).toEqual(['HMP Demo Ridge (fictional)']);
		const facts: CaseFacts = {
			case: ofType(records, 'case')[0]!,
			participants: ofType(records, 'participant'),
			consents: ofType(records, 'consent'),
			assessments: ofType(records, 'risk-assessment')
		};
		expect(facts.case).toMatchObject({ reference: DEMO_PREPARED_CASE.reference, stage: 'communication' });
		const parties = facts.participants.filter((p) => p.role !== 'supporter').map((p) => p.id);
		const meeting = {
			type: 'meeting', v: 1, id: 'meeting-demo-0001', caseId: DEMO_PREPARED_CASE.id, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(),
			createdBy: 'fac', scheduledFor: NOW.toISOString(), venue: { kind: 'community-venue', name: 'Library' }, participantIds: parties,
			supporterIds: [], facilitatorIds: ['fac'], groundRulesAgreed: true, plan: '', status: 'planned'
		} as MeetingRecord;
		expect(meetingFailures(facts, meeting, DEFAULT_SERVICE_POLICY, NOW.toISOString())).toEqual([
			{ code: 'risk-assessment-stale', reason: 'The risk assessment for the person responsible is 40 days old; reassess before the meeting' }
		]);
	});
});
