import { createHash, randomBytes } from 'node:crypto';
import { DEFAULT_RETENTION_POLICY, parseRetentionPolicy, type RetentionPolicy } from '../../src/lib/domain/retention-policy.js';
import type { RetentionItem } from '../../src/lib/domain/retention-rules.js';
import type { RetentionAuditLine, RetentionSettingsResponse } from '../../src/lib/protocol/retention.js';
import { statusOf, type Couch } from '../store/couch.js';
import { docsWithPrefix, getDoc, updateDoc } from '../store/documents.js';

interface SettingsDoc {
	_id: string;
	_rev?: string;
	type: 'settings';
	v: 1;
	policy: RetentionPolicy;
	updatedBy: string;
	updatedAt: string;
}

/** Held by one server process while it runs retention; another may take it once it has expired. */
interface LeaseDoc {
	_id: string;
	_rev?: string;
	type: 'lease';
	v: 1;
	holder: string;
	expiresAt: string;
}

const SETTINGS_ID = 'settings:retention';
const LEASE_ID = 'lease:retention';
const AUDIT_PREFIX = 'retention:';

export function retentionStore(couch: Couch) {
	const accounts = couch.dbs.accounts;
	const audit = couch.dbs.audit;
	return {
		async settings(): Promise<RetentionSettingsResponse> {
			const doc = await getDoc<SettingsDoc>(accounts, SETTINGS_ID);
			// A stored policy an older or newer build cannot read falls back to the default rather than deleting by a guess.
			const parsed = doc ? parseRetentionPolicy(doc.policy) : undefined;
			return parsed?.ok ? { policy: parsed.value, updatedAt: doc!.updatedAt, updatedBy: doc!.updatedBy } : { policy: DEFAULT_RETENTION_POLICY };
		},

		/** Saves the policy and writes who changed which periods to the audit database. */
		async setPolicy(policy: RetentionPolicy, by: string, now: Date): Promise<void> {
			const before = (await this.settings()).policy;
			await updateDoc<SettingsDoc>(accounts, SETTINGS_ID, () => ({ _id: SETTINGS_ID, type: 'settings', v: 1, policy, updatedBy: by, updatedAt: now.toISOString() }));
			const flat = (p: RetentionPolicy) => ({
				...Object.fromEntries(Object.entries(p.closedCases).flatMap(([reason, rule]) => [[`closedCases.${reason}.months`, rule.months], [`closedCases.${reason}.action`, rule.action]])),
				feedbackMonths: p.feedbackMonths,
				declinedReferralMonths: p.declinedReferralMonths
			});
			const [old, next] = [flat(before), flat(policy)] as Record<string, unknown>[];
			const changes = Object.keys(next!).filter((key) => old![key] !== next![key]).map((field) => ({ field, from: old![field], to: next![field] }));
			await audit.insert({ _id: `settings:retention:${now.toISOString()}:${randomBytes(6).toString('hex')}`, type: 'settings-audit', v: 1, section: 'retention', byUserId: by, serverTime: now.toISOString(), changes } as never);
		},

		/**
		 * Claims the run: a rev-checked write of the lease, so of several processes at once exactly
		 * one wins; a lease left by a process that died is taken once it expires.
		 */
		async claim(holder: string, now: Date, forMs: number): Promise<boolean> {
			const current = await getDoc<LeaseDoc>(accounts, LEASE_ID);
			if (current && current.holder !== holder && new Date(current.expiresAt) > now) return false;
			try {
				await accounts.insert({ _id: LEASE_ID, ...(current?._rev ? { _rev: current._rev } : {}), type: 'lease', v: 1, holder, expiresAt: new Date(now.getTime() + forMs).toISOString() } as never);
				return true;
			} catch (error) {
				if (statusOf(error) === 409) return false;
				throw error;
			}
		},

		async release(holder: string, now: Date): Promise<void> {
			await updateDoc<LeaseDoc>(accounts, LEASE_ID, (current) => (current?.holder === holder ? { ...current, expiresAt: now.toISOString() } : undefined));
		},

		/**
		 * One line per thing removed. Its id comes from what was removed (document, revision, action),
		 * so a repeat of the same removal writes nothing more.
		 */
		async record(item: RetentionItem, rev: string, policy: string, by: string, now: Date): Promise<void> {
			const key = createHash('sha256').update(`${item.docId}\n${rev}\n${item.action}`).digest('base64url').slice(0, 22);
			const line: RetentionAuditLine = { ...item, policy, serverTime: now.toISOString(), by };
			try {
				await audit.insert({ _id: `${AUDIT_PREFIX}${key}`, type: 'retention-audit', v: 1, ...line } as never);
			} catch (error) {
				// Written by an earlier try: CouchDB answers 409, the embedded store's append-only rule 403.
				if (![409, 403].includes(statusOf(error) ?? 0) || !(await getDoc(audit, `${AUDIT_PREFIX}${key}`))) throw error;
			}
		},

		/** What retention removed, newest first. */
		async lines(limit = 200): Promise<RetentionAuditLine[]> {
			const docs = await docsWithPrefix<Record<string, unknown>>(audit, AUDIT_PREFIX);
			return docs
				.map((doc) => {
					const line = { ...doc };
					for (const key of ['_id', '_rev', 'type', 'v']) delete line[key];
					return line as unknown as RetentionAuditLine;
				})
				.sort((a, b) => b.serverTime.localeCompare(a.serverTime) || a.docId.localeCompare(b.docId))
				.slice(0, limit);
		}
	};
}

export type RetentionStore = ReturnType<typeof retentionStore>;
