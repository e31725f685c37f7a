import { allocationWarnings, type FacilitatorLoad } from '../../src/lib/domain/allocation.js';
import type { AllocationCase, AllocationListResponse, CaseAllocationResponse } from '../../src/lib/protocol/office.js';
import { auditEntry } from './audit-log.js';
import type { OpenCase } from './allocation-store.js';
import { overduePractice } from './practice-service.js';
import type { Services } from './services.js';

const byName = (a: FacilitatorLoad, b: FacilitatorLoad) => a.displayName.localeCompare(b.displayName, 'en-GB');

/** Facilitators who can take work now (not switched off), with their open caseloads and any overdue supervision or observation. */
export async function facilitatorLoads(services: Services, now = new Date()): Promise<FacilitatorLoad[]> {
	const [users, loads, overdue] = await Promise.all([services.accounts.list(), services.allocation.caseloads(), overduePractice(services, now)]);
	return users
		.filter((user) => user.roles.includes('facilitator') && !user.disabledAt)
		.map((user) => {
			const late = overdue.get(user.id) ?? [];
			return { id: user.id, displayName: user.displayName, caseload: loads.get(user.id) ?? 0, ...(late.length > 0 ? { overduePractice: late } : {}) };
		})
		.sort(byName);
}

function toAllocationCase(item: OpenCase, conflicts: string[], facilitators: FacilitatorLoad[], caseloadLimit: number, facilitatorsPerCase: number): AllocationCase {
	const warnings = allocationWarnings({ chosen: item.facilitatorIds, current: item.facilitatorIds, facilitators, conflicts, caseloadLimit, facilitatorsPerCase });
	return { ...item, conflicts, warnings };
}

/** Every open case with who works on it and what a coordinator should know about that. */
export async function allocationList(services: Services): Promise<AllocationListResponse> {
	const [cases, conflicts, facilitators, caseloadLimit, { facilitatorsPerCase }] = await Promise.all([
		services.allocation.openCases(), services.allocation.conflicts(), facilitatorLoads(services), services.allocation.caseloadLimit(), services.policy.servicePolicy()
	]);
	const conflictsOf = (caseId: string) => conflicts.filter((c) => c.caseId === caseId).map((c) => c.userId);
	return {
		cases: cases.map((item) => toAllocationCase(item, conflictsOf(item.id), facilitators, caseloadLimit, facilitatorsPerCase)),
		facilitators, caseloadLimit, facilitatorsPerCase
	};
}

/** One case's allocation; undefined when there is no such case. */
export async function caseAllocation(services: Services, caseId: string): Promise<CaseAllocationResponse | undefined> {
	const [record, conflicts, facilitators, caseloadLimit, { facilitatorsPerCase }] = await Promise.all([
		services.cases.get(caseId), services.allocation.conflicts(caseId), facilitatorLoads(services), services.allocation.caseloadLimit(), services.policy.servicePolicy()
	]);
	if (!record) return undefined;
	const item = { id: record.id, reference: record.reference, stage: record.stage, facilitatorIds: record.facilitatorIds };
	return {
		case: toAllocationCase(item, conflicts.map((c) => c.userId), facilitators, caseloadLimit, facilitatorsPerCase),
		conflictNotes: conflicts.map(({ userId, note, recordedAt }) => ({ userId, note, recordedAt })),
		facilitators, caseloadLimit, facilitatorsPerCase
	};
}

/**
 * Sets who works on a case. Need to know: a new facilitator's assignment exists before the case
 * lists them, and a removed one's is gone before the case drops them; their tablet lets the case
 * go at its next sync.
 */
export async function setCaseFacilitators(services: Services, actor: { user: { id: string }; deviceId?: string }, caseId: string, ids: string[], current: string[], now: Date) {
	const added = ids.filter((id) => !current.includes(id));
	const removed = current.filter((id) => !ids.includes(id));
	for (const id of added) await services.accounts.assign(id, caseId, now);
	for (const id of removed) await services.accounts.unassign(id, caseId);
	await services.cases.setFacilitators(caseId, () => ids, actor.user.id, now);
	await services.audit.append([auditEntry(actor, caseId, 'change', now, { recordId: caseId })]);
}
