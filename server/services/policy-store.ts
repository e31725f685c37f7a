import { DEFAULT_POLICY_SETTINGS, type PolicySettings } from '../../src/lib/domain/policy-settings.js';
import type { ServicePolicy } from '../../src/lib/domain/service-policy.js';
import type { Couch } from '../store/couch.js';
import { getDoc, updateDoc } from '../store/documents.js';
import type { AllocationStore } from './allocation-store.js';

type StoredPolicy = Omit<PolicySettings, 'caseloadLimit'>;

interface PolicyDoc extends StoredPolicy {
	_id: string;
	_rev?: string;
	type: 'settings';
	v: 1;
	updatedBy: string;
	updatedAt: string;
}

const POLICY_ID = 'settings:policy';

/**
 * `settings:policy` in the accounts database. The caseload limit stays where allocation has kept
 * it (`settings:allocation`), so there is one place for each number; this reads and writes both.
 */
export function policyStore(couch: Couch, allocation: AllocationStore) {
	const db = couch.dbs.accounts;

	async function stored(): Promise<StoredPolicy> {
		const doc = await getDoc<PolicyDoc>(db, POLICY_ID);
		const { caseloadLimit: _limit, ...defaults } = DEFAULT_POLICY_SETTINGS;
		if (!doc) return defaults;
		const { excludedJusticeStages, excludedOffenceCategories, riskAssessmentFreshnessDays, facilitatorsPerCase, idleLockMinutes } = doc;
		return { excludedJusticeStages, excludedOffenceCategories, riskAssessmentFreshnessDays, facilitatorsPerCase, idleLockMinutes };
	}

	return {
		/** The rules the gates and allocation warnings use: the stored ones, or the default until an administrator saves. */
		async servicePolicy(): Promise<ServicePolicy> {
			const { idleLockMinutes: _idle, ...policy } = await stored();
			return policy;
		},

		async get(): Promise<PolicySettings> {
			const [policy, caseloadLimit] = await Promise.all([stored(), allocation.caseloadLimit()]);
			return { ...policy, caseloadLimit };
		},

		/** Saves the settings; resolves the names of the settings that changed (none: nothing written). */
		async set(next: PolicySettings, by: string, now: Date): Promise<string[]> {
			const before = await this.get();
			const changed = (Object.keys(next) as (keyof PolicySettings)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(next[key])).sort();
			if (changed.length === 0) return [];
			const { caseloadLimit, ...policy } = next;
			if (changed.some((key) => key !== 'caseloadLimit'))
				await updateDoc<PolicyDoc>(db, POLICY_ID, () => ({ _id: POLICY_ID, type: 'settings', v: 1, ...policy, updatedBy: by, updatedAt: now.toISOString() }));
			if (changed.includes('caseloadLimit')) await allocation.setCaseloadLimit(caseloadLimit, by, now);
			return changed;
		}
	};
}

export type PolicyStore = ReturnType<typeof policyStore>;
