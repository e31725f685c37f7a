import { recordRepository } from '../db/record-repository.js';
import { userDb } from '../db/user-db.js';
import type { DomainRecord } from '../domain/records.js';
import { session } from '../session/session.svelte.js';
import { caseFileFrom, staffWords } from './case-file.js';

/**
 * One case as a page sees it: the signed-in person's repository and the case's records, live
 * from the device store (a save, a sync or another tab shows at once). Make it while a
 * component starts; it stops watching when the component goes.
 */
export class CaseView {
	user = $derived(session.user);
	repo = $derived(this.user ? recordRepository(userDb(this.user.id)) : undefined);
	records = $state<DomainRecord[] | undefined>();
	failed = $state(false);
	file = $derived(caseFileFrom(this.records ?? []));

	constructor(caseId: () => string) {
		$effect(() => {
			const repo = this.repo;
			if (!repo) return;
			const subscription = repo.watchCase(caseId()).subscribe({
				next: (records) => ((this.records = records), (this.failed = false)),
				error: () => (this.failed = true)
			});
			return () => subscription.unsubscribe();
		});
	}

	get loaded(): boolean {
		return this.records !== undefined;
	}

	/** "you", "the other facilitator", …: who wrote something, in words. */
	whoWrote = (userId: string): string => staffWords(userId, this.user?.id ?? '', this.file.case);
}
