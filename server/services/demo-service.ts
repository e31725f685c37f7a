import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseStage } from '../../src/lib/domain/case-stage.js';
import { parseCaseRecord } from '../../src/lib/domain/case-record.js';
import type { Role } from '../../src/lib/protocol/auth.js';
import type { AccountStore } from './account-store.js';
import type { CaseStore } from './case-store.js';
import { seedDemoCasework } from './demo-casework.js';
import { loadDemoCasework } from './demo-prepared-case.js';
import { generatePassword } from './first-administrator.js';

export interface DemoCredential {
	username: string;
	password: string;
	displayName: string;
	roles: Role[];
}

const PEOPLE: Omit<DemoCredential, 'password'>[] = [
	{ username: 'coordinator', displayName: 'Demo Coordinator (fictional)', roles: ['coordinator'] },
	{ username: 'facilitator', displayName: 'Demo Facilitator One (fictional)', roles: ['facilitator'] },
	{ username: 'cofacilitator', displayName: 'Demo Facilitator Two (fictional)', roles: ['facilitator'] }
];

// Entirely made up: references only, at different stages. No real person or offence.
const CASES: { id: string; reference: string; stage: CaseStage; daysAgo: number }[] = [
	{ id: 'demo-case-0001', reference: 'RJ-2026-0101', stage: 'initial-contact', daysAgo: 2 },
	{ id: 'demo-case-0002', reference: 'RJ-2026-0102', stage: 'assessment', daysAgo: 5 },
	{ id: 'demo-case-0003', reference: 'RJ-2026-0103', stage: 'communication', daysAgo: 9 },
	{ id: 'demo-case-0004', reference: 'RJ-2026-0104', stage: 'outcome', daysAgo: 20 },
	{ id: 'demo-case-0005', reference: 'RJ-2026-0105', stage: 'referral', daysAgo: 1 }
];

/**
 * Loads a small, clearly fictional service once per data folder and returns its sign-ins.
 * The passwords are random, kept in the data folder, and shown at each demo start.
 */
export async function loadDemoService(dataDir: string, accounts: AccountStore, cases: CaseStore, now: Date): Promise<DemoCredential[]> {
	const file = join(dataDir, 'demo-credentials.json');
	try {
		return JSON.parse(await readFile(file, 'utf8')) as DemoCredential[];
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
	const credentials: DemoCredential[] = [];
	const ids: string[] = [];
	for (const person of PEOPLE) {
		const password = generatePassword();
		const user = (await accounts.create({ ...person, password }, now)) ?? (await accounts.findByUsername(person.username));
		if (!user) throw new Error(`The demo account ${person.username} could not be made`);
		ids.push(user.id);
		credentials.push({ ...person, password });
	}
	const [coordinatorId = '', facilitatorId = '', coFacilitatorId = ''] = ids;
	for (const demo of CASES) {
		const at = new Date(now.getTime() - demo.daysAgo * 86_400_000).toISOString();
		const parsed = parseCaseRecord({
			type: 'case',
			v: 1,
			id: demo.id,
			reference: demo.reference,
			referralSource: 'offender-manager',
			justiceStage: 'custodial-sentence',
			stage: demo.stage,
			status: 'open',
			facilitatorIds: demo.stage === 'referral' ? [] : [facilitatorId, coFacilitatorId],
			coordinatorId,
			createdAt: at,
			updatedAt: at,
			createdBy: coordinatorId
		});
		if (!parsed.ok) throw new Error(`Demo case ${demo.reference} is invalid: ${JSON.stringify(parsed.problems)}`);
		await cases.create(parsed.value);
		for (const userId of parsed.value.facilitatorIds) await accounts.assign(userId, demo.id, now);
	}
	await seedDemoCasework(cases, { coordinatorId, facilitatorId, coFacilitatorId }, now);
	const prepared = await loadDemoCasework(cases, { facilitatorId, coFacilitatorId, coordinatorId }, now);
	for (const userId of [facilitatorId, coFacilitatorId]) await accounts.assign(userId, prepared, now);
	await writeFile(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
	return credentials;
}
