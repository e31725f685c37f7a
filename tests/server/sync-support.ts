import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { exampleRecords } from '../../src/lib/domain/record-fixtures.js';
import type { PullRequest, PullResponse } from '../../src/lib/protocol/sync-pull.js';
import type { Mutation, PushResponse } from '../../src/lib/protocol/sync.js';
import { diffRecords } from '../../src/lib/sync/merge/record-changes.js';

/** A signed-in tablet: the cookie of its session and the device id it signed in with. */
export interface Tablet {
	cookie: string;
	deviceId: string;
}

export const DEVICE_TIME = '2026-10-05T14:30:00.000Z';

/** A participant of a case, valid by the domain schema. */
export function participant(caseId: string, id: string, change: Partial<Record<string, unknown>> = {}): Record<string, unknown> {
	return { ...exampleRecords.participant(), caseId, id, ...change };
}

/** The mutation a device makes when `after` is saved over `before` (absent for a new record). */
export function mutationOf(tablet: Tablet, before: Record<string, unknown> | undefined, after: Record<string, unknown>, baseRev?: string, extra: Partial<Mutation> = {}): Mutation {
	const type = after.type as Mutation['recordType'];
	return {
		mutationId: randomUUID(),
		recordId: after.id as string,
		recordType: type,
		...(typeof after.caseId === 'string' ? { caseId: after.caseId } : type === 'case' ? { caseId: after.id as string } : {}),
		...(baseRev ? { baseRev } : {}),
		changes: diffRecords(before, after),
		deviceTime: DEVICE_TIME,
		deviceId: tablet.deviceId,
		...extra
	};
}

export async function push(app: FastifyInstance, tablet: Tablet, mutations: Mutation[]): Promise<{ status: number; body: PushResponse & { error?: string; fields?: { path: string }[] } }> {
	const answer = await app.inject({ method: 'POST', url: '/api/sync/push', headers: { cookie: tablet.cookie }, payload: { mutations } });
	return { status: answer.statusCode, body: answer.json() };
}

export async function pull(app: FastifyInstance, tablet: Tablet, request: Omit<PullRequest, 'deviceId'> = { cases: [] }): Promise<{ status: number; body: PullResponse }> {
	const answer = await app.inject({ method: 'POST', url: '/api/sync/pull', headers: { cookie: tablet.cookie }, payload: { deviceId: tablet.deviceId, ...request } });
	return { status: answer.statusCode, body: answer.json() };
}

/** Pulls page after page as a device does, carrying checkpoints forward; returns every page. */
export async function pullAll(app: FastifyInstance, tablet: Tablet, held: Record<string, string | undefined>, limit?: number): Promise<PullResponse[]> {
	const pages: PullResponse[] = [];
	const checkpoints = { ...held };
	for (let round = 0; round < 100; round++) {
		const cases = Object.entries(checkpoints).map(([caseId, checkpoint]) => (checkpoint ? { caseId, checkpoint } : { caseId }));
		const { status, body } = await pull(app, tablet, { cases, ...(limit ? { limit } : {}) });
		if (status !== 200) throw new Error(`pull answered ${status}: ${JSON.stringify(body)}`);
		pages.push(body);
		Object.assign(checkpoints, body.checkpoints.cases);
		for (const purge of body.purges) delete checkpoints[purge.caseId];
		if (body.done) return pages;
	}
	throw new Error('The pull never said it was done');
}

/** Every document id and revision in the store: a fingerprint to show nothing was written. */
export async function storeSnapshot(dbs: { records: { list(): Promise<{ rows: { id: string; value: { rev: string } }[] }> } }): Promise<string> {
	const list = await dbs.records.list();
	return JSON.stringify(list.rows.map((row) => [row.id, row.value.rev]));
}
