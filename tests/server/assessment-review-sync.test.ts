import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseChildDocId } from '../../src/lib/domain/ids.js';
import { addCase, addUser, signIn, startInProcess, type InProcess } from './in-process.js';
import { mutationOf, push, type Tablet } from './sync-support.js';

const CASE = 'case-review-0001';
const AT = '2026-10-05T14:30:00.000Z';
let env: InProcess;
let colleague: Tablet;
let ids: Record<string, string> = {};

const review = (change: Record<string, unknown> = {}) => ({
	type: 'assessment-review', v: 1, id: 'review-sync-0001', caseId: CASE, assessmentId: 'assessment-sync-0001',
	outcome: 'agreed', note: '', createdAt: AT, updatedAt: AT, createdBy: ids.colleague!, ...change
});

beforeAll(async () => {
	env = await startInProcess();
	ids = { fac: await addUser(env.services, 'fac', ['facilitator']), colleague: await addUser(env.services, 'colleague', ['facilitator']), coord: await addUser(env.services, 'coord', ['coordinator']) };
	await addCase(env.services, CASE, 'RJ-2026-0101', ids.coord!, [ids.fac!, ids.colleague!]);
	colleague = { deviceId: 'colleague-tablet-0001', cookie: await signIn(env.app, 'colleague', { id: 'colleague-tablet-0001', label: 'Tablet B' }) };
}, 60_000);
afterAll(() => env.stop());

describe('a co-facilitator’s review of a risk assessment', () => {
	it('is stored on the server when pushed', async () => {
		const { body } = await push(env.app, colleague, [mutationOf(colleague, undefined, review())]);
		expect(body.results[0]).toMatchObject({ status: 'applied' });
		const stored = (await env.services.couch.dbs.records.get(caseChildDocId(CASE, 'assessment-review', 'review-sync-0001'))) as Record<string, unknown>;
		expect(stored).toMatchObject({ outcome: 'agreed', assessmentId: 'assessment-sync-0001', createdBy: ids.colleague });
	});

	it('never changes once written, and concerns without a note are refused naming the field', async () => {
		const { body } = await push(env.app, colleague, [mutationOf(colleague, review(), review({ outcome: 'concerns', note: 'Second thoughts' }))]);
		expect(body.results[0]).toMatchObject({ status: 'rejected', code: 'immutable-field-changed' });
		const invalid = await push(env.app, colleague, [mutationOf(colleague, undefined, review({ id: 'review-sync-0002', outcome: 'concerns' }))]);
		expect(invalid.body.results[0]).toMatchObject({ status: 'rejected', code: 'invalid-record', fields: [{ path: 'note', message: 'Write what concerns you' }] });
	});
});
