import { describe, expect, it } from 'vitest';
import { validate } from '../domain/validation.js';
import { isWipeAnswer, pullRequestSchema, pullResponseSchema } from './sync-pull.js';

const couch3Seq = '1234-g1AAAACheJzLYWBgYMpgTmHgzcvPy09JdcjLz8gvLskBCScyJNX___8_KzGDgYUhJR8A';

const page = {
	records: [{ docId: 'case:case-0001-abcd:letter:letter-0001-abcd', caseId: 'case-0001-abcd', rev: '2-b', record: { type: 'letter' }, conflicts: [] }],
	deletions: [],
	purges: [{ caseId: 'case-0002-abcd', reason: 'unassigned' }],
	checkpoints: { cases: { 'case-0001-abcd': couch3Seq }, service: '17' },
	done: false,
	progress: { done: 500, total: 5_000 },
	serverTime: '2026-10-02T09:00:01.000Z'
};

describe('the pull request', () => {
	it('carries each held case with its opaque checkpoint', () => {
		const request = { deviceId: 'tablet-0001', cases: [{ caseId: 'case-0001-abcd', checkpoint: couch3Seq }, { caseId: 'case-0003-abcd' }], limit: 500 };
		expect(validate(pullRequestSchema, request).ok).toBe(true);
	});

	it('refuses a case listed twice and a page larger than the limit', () => {
		const twice = { deviceId: 'tablet-0001', cases: [{ caseId: 'case-0001-abcd' }, { caseId: 'case-0001-abcd' }] };
		expect(validate(pullRequestSchema, twice).ok).toBe(false);
		expect(validate(pullRequestSchema, { deviceId: 'tablet-0001', cases: [], limit: 5_000 })).toMatchObject({ ok: false, problems: [{ path: 'limit' }] });
	});
});

describe('the pull response', () => {
	it('carries records, purges, next checkpoints, a done flag and progress', () => {
		expect(validate(pullResponseSchema, page).ok).toBe(true);
	});

	it('accepts progress whose total is not known yet', () => {
		expect(validate(pullResponseSchema, { ...page, progress: { done: 0 } }).ok).toBe(true);
	});

	it('refuses a pulled record that is not an object, naming where it is', () => {
		const records = (record: unknown) => [{ docId: 'case:case-0002-abcd', caseId: 'case-0002-abcd', rev: '1-a', record, conflicts: [] }];
		for (const record of [[], 'a note', null]) expect(validate(pullResponseSchema, { ...page, records: records(record) })).toMatchObject({ ok: false, problems: [{ path: 'records.0.record' }] });
		expect(validate(pullResponseSchema, { ...page, records: records({ type: 'case' }) }).ok).toBe(true);
	});

	it('refuses a purge for a reason it does not know', () => {
		expect(validate(pullResponseSchema, { ...page, purges: [{ caseId: 'case-0002-abcd', reason: 'bored' }] }).ok).toBe(false);
	});
});

describe('isWipeAnswer', () => {
	it('recognises the answer to a revoked device', () => {
		expect(isWipeAnswer({ error: 'device-revoked', message: 'This tablet was revoked.', action: 'wipe' })).toBe(true);
	});

	it('does not take another failure for a wipe', () => {
		expect(isWipeAnswer({ error: 'forbidden', message: 'No.' })).toBe(false);
		expect(isWipeAnswer(undefined)).toBe(false);
	});
});
