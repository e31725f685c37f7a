import type Nano from 'nano';
import { statusOf } from './couch.js';
import { REPORT_VIEWS } from './report-views.js';
import { SUBJECT_ACCESS_VIEWS } from './subject-access-views.js';

interface DesignDoc {
	_id: string;
	_rev?: string;
	language: 'javascript';
	views: Record<string, { map: string; reduce?: string }>;
	validate_doc_update?: string;
}

/** The records database's views: plain JavaScript maps, which both stores run the same way. */
export const RECORDS_DESIGN: DesignDoc = {
	_id: '_design/tandem',
	language: 'javascript',
	views: {
		// Every case record by stage, for the office's oversight lists.
		'cases-by-stage': {
			map: "function (doc) { if (doc.type === 'case') { emit([doc.stage, doc.updatedAt], null); } }"
		},
		// Open cases with who works on them: the allocation list reads these small values, not the cases.
		'open-cases': {
			map: "function (doc) { if (doc.type === 'case' && doc.status === 'open') { emit([doc.stage, doc.reference], { reference: doc.reference, stage: doc.stage, facilitatorIds: doc.facilitatorIds }); } }"
		},
		// A facilitator's caseload is a count, grouped by person.
		caseloads: {
			map: "function (doc) { if (doc.type === 'case' && doc.status === 'open') { doc.facilitatorIds.forEach(function (id) { emit(id, null); }); } }",
			reduce: '_count'
		},
		// The referral inbox by status, newest last.
		'referrals-by-status': {
			map: "function (doc) { if (doc.type === 'referral') { emit([doc.status, doc.receivedAt], null); } }"
		},
		// Duplicate detection looks up only referrals sharing a key (a name, a prison number).
		'referrals-by-match-key': {
			map: "function (doc) { if (doc.type === 'referral' && doc.matchKeys) { doc.matchKeys.forEach(function (key) { emit(key, null); }); } }"
		},
		// A case found by its reference (the access review's search), without loading every case.
		'cases-by-reference': {
			map: "function (doc) { if (doc.type === 'case') { emit(doc.reference.toUpperCase(), null); } }"
		},
		// The office's reports: counts summed by the store, never the cases themselves.
		...REPORT_VIEWS,
		// Finding a person for a subject access request.
		...SUBJECT_ACCESS_VIEWS
	}
};

/**
 * The audit database refuses any change to a document that exists, deletion included: entries
 * are only ever added. CouchDB runs this for admins too, so it binds the server itself.
 */
export const AUDIT_DESIGN: DesignDoc = {
	_id: '_design/audit',
	language: 'javascript',
	views: {},
	validate_doc_update:
		"function (newDoc, oldDoc) { if (oldDoc) { throw({ forbidden: 'The audit log is append-only' }); } }"
};

/**
 * The access review's indexes over the audit database. Apart from `_design/audit`, whose rule
 * refuses every change to an existing document: a new version of these views needs a new name.
 */
export const ACCESS_REVIEW_DESIGN: DesignDoc = {
	_id: '_design/access-review-v1',
	language: 'javascript',
	views: {
		// Everything one person did, by when it happened (the tablet's time for offline work).
		'by-user': {
			map: "function (doc) { if (doc.type === 'audit' && doc.userId) { emit([doc.userId, doc.deviceTime || doc.serverTime], null); } }"
		},
		// Each device's pulls of each case (a pull's read line names no record), with the latest one.
		'pulls-by-device': {
			map: "function (doc) { if (doc.type === 'audit' && doc.action === 'read' && doc.source === 'online' && doc.deviceId && !doc.recordId) { emit([doc.deviceId, doc.caseId], doc.serverTime); } }",
			reduce: "function (keys, values) { var last = ''; for (var i = 0; i < values.length; i++) { if (values[i] > last) { last = values[i]; } } return last; }"
		}
	}
};

/** Writes a design document if it is missing or differs; safe when several processes start at once. */
export async function ensureDesignDoc(db: Nano.DocumentScope<Record<string, unknown>>, wanted: DesignDoc): Promise<void> {
	let current: DesignDoc | undefined;
	try {
		current = (await db.get(wanted._id)) as unknown as DesignDoc;
	} catch (error) {
		if (statusOf(error) !== 404) throw error;
	}
	const same = (doc: DesignDoc) => JSON.stringify([doc.views, doc.validate_doc_update]) === JSON.stringify([wanted.views, wanted.validate_doc_update]);
	if (current && same(current)) return;
	try {
		await db.insert({ ...wanted, _rev: current?._rev } as never);
	} catch (error) {
		// 409: another process wrote it at the same moment; theirs is the same document.
		if (statusOf(error) !== 409) throw error;
	}
}
