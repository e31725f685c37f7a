import { randomBytes } from 'node:crypto';
import { DEFAULT_CHECKLIST_TEMPLATE, parseChecklistTemplate, templateDocumentId, type ChecklistTemplate } from '../../src/lib/domain/checklist-template.js';
import { parseEstablishment, type EstablishmentRecord } from '../../src/lib/domain/establishment.js';
import { serviceDocId } from '../../src/lib/domain/ids.js';
import type { Validated } from '../../src/lib/domain/validation.js';
import type { EstablishmentRequest } from '../../src/lib/protocol/admin.js';
import type { Couch } from '../store/couch.js';
import { docsWithPrefix, getDoc, insertNew, updateDoc } from '../store/documents.js';
import { withoutCouchFields } from './case-store.js';

type Stored<T> = T & { _id: string; _rev?: string };

/** The stored fields an administrator's change touched, for the audit line. */
const changedFields = (before: Record<string, unknown>, after: Record<string, unknown>) =>
	[...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => key !== 'updatedAt' && JSON.stringify(before[key]) !== JSON.stringify(after[key])).sort();

/**
 * Establishments and checklist templates written by the office through the server, at the same
 * ids sync uses (`<type>:<id>`), so every tablet's next pull carries them. Each is checked against
 * its domain schema before it is written: a device must never receive a record it cannot read.
 */
export function serviceRecords(couch: Couch, written: () => void = () => undefined) {
	const db = couch.dbs.records;
	return {
		async establishments(): Promise<EstablishmentRecord[]> {
			const docs = await docsWithPrefix<Stored<EstablishmentRecord>>(db, 'establishment:');
			return docs.filter((doc) => doc.type === 'establishment').map(withoutCouchFields).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
		},

		async createEstablishment(input: EstablishmentRequest, by: string, now: Date): Promise<Validated<EstablishmentRecord>> {
			const at = now.toISOString();
			const parsed = parseEstablishment({ type: 'establishment', v: 1, id: `est-${randomBytes(8).toString('hex')}`, createdAt: at, updatedAt: at, createdBy: by, ...input });
			if (parsed.ok && !(await insertNew(db, { _id: serviceDocId('establishment', parsed.value.id), ...parsed.value }))) throw new Error('An establishment id repeated');
			if (parsed.ok) written();
			return parsed;
		},

		/** Resolves undefined when there is no such establishment; else the checked change and the fields it touched. */
		async changeEstablishment(id: string, input: EstablishmentRequest, now: Date): Promise<{ result: Validated<EstablishmentRecord>; fields: string[] } | undefined> {
			let outcome: { result: Validated<EstablishmentRecord>; fields: string[] } | undefined;
			await updateDoc<Stored<EstablishmentRecord>>(db, serviceDocId('establishment', id), (current) => {
				if (!current || current.type !== 'establishment') return (outcome = undefined);
				const { devicesAuthorisedUntil: _until, ...kept } = withoutCouchFields(current);
				const result = parseEstablishment({ ...kept, ...input, updatedAt: now.toISOString() });
				outcome = { result, fields: result.ok ? changedFields(withoutCouchFields(current), result.value) : [] };
				return result.ok && outcome.fields.length > 0 ? { ...result.value, _id: current._id, _rev: current._rev } : undefined;
			});
			written();
			return outcome;
		},

		/** Every published version, the shipped default among them even if never stored. */
		async templates(): Promise<ChecklistTemplate[]> {
			const docs = await docsWithPrefix<Stored<ChecklistTemplate>>(db, 'checklist-template:');
			const stored = docs.filter((doc) => doc.type === 'checklist-template').map(withoutCouchFields);
			const shipped = stored.some((t) => t.id === DEFAULT_CHECKLIST_TEMPLATE.id) ? [] : [DEFAULT_CHECKLIST_TEMPLATE];
			return [...stored, ...shipped].sort((a, b) => a.templateId.localeCompare(b.templateId) || b.version - a.version);
		},

		/**
		 * Publishes the next version of a template. Invariant: a published version is never written
		 * again (`insertNew` refuses an id that exists), so assessments bound to it keep their questions.
		 */
		async publishTemplate(
			templateId: string,
			wording: { title: unknown; description: unknown; sections: unknown },
			version: number,
			by: string,
			now: Date
		): Promise<Validated<ChecklistTemplate> | 'taken'> {
			const at = now.toISOString();
			const parsed = parseChecklistTemplate({
				type: 'checklist-template', v: 1, id: templateDocumentId(templateId, version), createdAt: at, updatedAt: at, createdBy: by, templateId, version, ...wording
			});
			if (!parsed.ok) return parsed;
			const inserted = await insertNew(db, { _id: serviceDocId('checklist-template', parsed.value.id), ...parsed.value });
			written();
			return inserted ? parsed : 'taken';
		},

		async templateVersion(templateId: string, version: number): Promise<ChecklistTemplate | undefined> {
			const doc = await getDoc<Stored<ChecklistTemplate>>(db, serviceDocId('checklist-template', templateDocumentId(templateId, version)));
			if (doc?.type === 'checklist-template') return withoutCouchFields(doc);
			const shipped = DEFAULT_CHECKLIST_TEMPLATE;
			return shipped.templateId === templateId && shipped.version === version ? shipped : undefined;
		}
	};
}

export type ServiceRecords = ReturnType<typeof serviceRecords>;
