import { describe, expect, it } from 'vitest';
import { OFFICE, decideAnyRole, decideCase, decideHold, decidePush, decideRole, type CaseAction, type CaseFacts } from './access-policy.js';

const facts = (exists: boolean, assigned: boolean, open = true): CaseFacts => ({ exists, assigned, open });
const actions: CaseAction[] = ['read', 'write', 'oversee'];

describe('the access policy', () => {
	it('lets a facilitator read and write only the open cases they are assigned to', () => {
		expect(decideCase(['facilitator'], 'read', facts(true, true))).toBe('allow');
		expect(decideCase(['facilitator'], 'write', facts(true, true))).toBe('allow');
		expect(decideCase(['facilitator'], 'write', facts(true, true, false))).toBe('forbidden');
		expect(decideCase(['facilitator'], 'read', facts(true, true, false))).toBe('allow');
	});

	it('answers a facilitator not-found for a case they are not on, whether or not it exists', () => {
		for (const action of actions) {
			expect(decideCase(['facilitator'], action, facts(true, false))).toBe('not-found');
			expect(decideCase(['facilitator'], action, facts(false, false))).toBe('not-found');
		}
	});

	it('keeps the audit log and assignments for coordinators', () => {
		expect(decideCase(['facilitator'], 'oversee', facts(true, true))).toBe('forbidden');
		for (const action of actions) expect(decideCase(['coordinator'], action, facts(true, false))).toBe('allow');
		expect(decideCase(['coordinator'], 'read', facts(false, false))).toBe('not-found');
	});

	it('never lets an administrator alone into a case, and says the same whether it exists or not', () => {
		for (const action of actions) {
			expect(decideCase(['administrator'], action, facts(true, false))).toBe('forbidden');
			expect(decideCase(['administrator'], action, facts(false, false))).toBe('forbidden');
		}
		expect(decideCase(['administrator', 'coordinator'], 'read', facts(true, false))).toBe('allow');
	});

	it('grants a role-only route to holders of that role alone', () => {
		expect(decideRole(['administrator'], 'administrator')).toBe('allow');
		expect(decideRole(['coordinator', 'facilitator'], 'administrator')).toBe('forbidden');
	});

	it('grants an office route to coordinators and administrators, never to a facilitator alone', () => {
		const office = OFFICE.kind === 'any-role' ? OFFICE.roles : [];
		expect(decideAnyRole(['coordinator'], office)).toBe('allow');
		expect(decideAnyRole(['administrator', 'facilitator'], office)).toBe('allow');
		expect(decideAnyRole(['facilitator'], office)).toBe('forbidden');
	});
});

describe('what a syncing device may hold and push', () => {
	it('files a facilitator change for a case they lost or that does not exist, and applies it on their open case', () => {
		expect(decidePush(['facilitator'], facts(true, true))).toBe('apply');
		expect(decidePush(['facilitator'], facts(true, false))).toBe('file');
		expect(decidePush(['facilitator'], facts(false, false))).toBe('file');
		expect(decidePush(['facilitator'], facts(true, true, false))).toBe('file');
		expect(decidePush(['administrator'], facts(true, false))).toBe('refuse');
	});

	it('purges a lost case and a missing one for the same reason, and a closed one as closed', () => {
		expect(decideHold(['facilitator'], facts(true, false))).toBe('unassigned');
		expect(decideHold(['facilitator'], facts(false, false))).toBe('unassigned');
		expect(decideHold(['facilitator'], facts(true, true, false))).toBe('closed');
		expect(decideHold(['facilitator'], facts(true, true))).toBeUndefined();
		expect(decideHold(['coordinator'], facts(true, false, false))).toBeUndefined();
	});
});
