import { liveQuery, type Observable } from 'dexie';
import { DEFAULT_CHECKLIST_TEMPLATE, type ChecklistTemplate } from '../domain/checklist-template.js';
import { recordRepository } from '../db/record-repository.js';
import type { UserDb } from '../db/user-db.js';

const sameVersion = (a: ChecklistTemplate, b: ChecklistTemplate) => a.templateId === b.templateId && a.version === b.version;

/**
 * The templates a run can be bound to: those the service published (on the device after a
 * sync) and the one bundled with the app, which a device that never synced one still has.
 */
export function availableTemplates(service: readonly ChecklistTemplate[]): ChecklistTemplate[] {
	return service.some((t) => sameVersion(t, DEFAULT_CHECKLIST_TEMPLATE)) ? [...service] : [...service, DEFAULT_CHECKLIST_TEMPLATE];
}

/** A new run uses the service's newest published template, or the bundled one when the device holds none. */
export function templateForNewRun(service: readonly ChecklistTemplate[]): ChecklistTemplate {
	const newest = [...service].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.version - b.version).at(-1);
	return newest ?? DEFAULT_CHECKLIST_TEMPLATE;
}

/** The service's checklist templates held on this device, decrypted, live. */
export function watchServiceTemplates(db: UserDb): Observable<ChecklistTemplate[]> {
	const records = recordRepository(db);
	return liveQuery(async () => {
		const ids = (await db.records.where('type').equals('checklist-template').primaryKeys()) as string[];
		const found = await Promise.all(ids.map((id) => records.get(id)));
		return found.filter((r): r is ChecklistTemplate => r?.type === 'checklist-template');
	});
}
