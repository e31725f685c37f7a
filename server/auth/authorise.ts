import { forbidden, notFound } from '../http/api-error.js';
import type { Services } from '../services/services.js';
import { decideAnyRole, decideCase, decideRole, factsNeeded, type Access, type CaseFacts } from './access-policy.js';
import type { Actor } from './authenticate.js';

/** Gathers the facts the policy needs and turns its decision into an answer. Called by define-route only. */
export async function authorise(services: Services, actor: Actor, access: Access, caseId: string | undefined): Promise<void> {
	if (access.kind === 'public' || access.kind === 'signed-in') return;
	if (access.kind === 'role') {
		if (decideRole(actor.roles, access.role) !== 'allow') throw forbidden();
		return;
	}
	if (access.kind === 'any-role') {
		if (decideAnyRole(actor.roles, access.roles) !== 'allow') throw forbidden();
		return;
	}
	if (caseId === undefined) throw new Error('A case route must have a caseId parameter');
	const needed = factsNeeded(actor.roles);
	const [record, assigned] = await Promise.all([
		needed.caseDoc ? services.cases.get(caseId) : undefined,
		needed.assignment ? services.accounts.isAssigned(actor.user.id, caseId) : false
	]);
	const facts: CaseFacts = { exists: record !== undefined, open: record?.status === 'open', assigned };
	const decision = decideCase(actor.roles, access.action, facts);
	if (decision === 'not-found') throw notFound();
	if (decision === 'forbidden') throw forbidden();
}
