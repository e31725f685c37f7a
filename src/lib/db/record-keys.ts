import { caseChildDocId, caseDocId, serviceDocId } from '../domain/ids.js';
import type { DomainRecord } from '../domain/records.js';
import type { StoredRecord } from './user-db.js';

/** The case a record belongs to: a case is its own; service records belong to none. */
export function caseIdOf(record: DomainRecord): string | undefined {
	return record.type === 'case' ? record.id : 'caseId' in record ? record.caseId : undefined;
}

export function docIdOf(record: DomainRecord): string {
	const caseId = caseIdOf(record);
	if (record.type === 'case') return caseDocId(record.id);
	return caseId ? caseChildDocId(caseId, record.type, record.id) : serviceDocId(record.type, record.id);
}

/** What a record's row holds in clear: its key, type, case and times. Everything else is sealed. */
export function clearFieldsOf(record: DomainRecord): Omit<StoredRecord, 'enc' | 'copy'> {
	const caseId = caseIdOf(record);
	return { id: docIdOf(record), type: record.type, ...(caseId === undefined ? {} : { caseId }), createdAt: record.createdAt, updatedAt: record.updatedAt };
}
