import { randomBytes } from 'node:crypto';
import { belongsToCase, caseChildDocId, caseDocId, caseRecordRange } from '../../src/lib/domain/ids.js';
import { parseParticipant, type ParticipantRecord } from '../../src/lib/domain/participant.js';
import { identifiersOf, planErasure, redactIdentifiers } from '../../src/lib/domain/participant-erasure.js';
import { rectify, type Corrected, type Rectification } from '../../src/lib/domain/participant-rectification.js';
import type { AuditEntry } from '../../src/lib/protocol/audit.js';
import type { ErasureRequest, ErasureResponse, RectificationResponse } from '../../src/lib/protocol/retention.js';
import type { Actor } from '../auth/authenticate.js';
import { badRequest, conflict, notFound } from '../http/api-error.js';
import { updateDoc, type Db } from '../store/documents.js';
import { auditEntry } from './audit-log.js';
import { withoutCouchFields } from './case-store.js';
import { removeCaseRecord } from './record-removal.js';
import type { Services } from './services.js';
import { conflictsIdOf, filedPrefix } from './sync-documents.js';

type Stored = Record<string, unknown> & { _id: string; _rev: string };
const lastPart = (docId: string) => docId.split(':').at(-1)!;

async function caseRange(db: Db, caseId: string): Promise<Stored[]> {
	const result = await db.list({ ...caseRecordRange(caseId), include_docs: true });
	return result.rows.filter((row) => belongsToCase(row.id, caseId) && row.doc).map((row) => row.doc as unknown as Stored);
}

/** Conflicts kept beside the rewritten records and changes filed for the office hold the person's words too. */
async function redactAround(db: Db, caseId: string, docIds: string[], identifiers: string[]): Promise<void> {
	const filed = await db.list({ startkey: filedPrefix(caseId), endkey: `${filedPrefix(caseId)}\ufff0` });
	for (const id of [...docIds.map((docId) => conflictsIdOf(docId, caseId)), ...filed.rows.map((row) => row.id)])
		await updateDoc<Stored>(db, id, (current) => {
			if (!current) return undefined;
			const next = redactIdentifiers(current, identifiers);
			return JSON.stringify(next) === JSON.stringify(current) ? undefined : next;
		});
}

/**
 * Erases a participant: their own records go (each leaving a tombstone, so devices drop them at
 * their next pull), and every other record of the case is rewritten without them. Each step is
 * safe to repeat; the participant's own record goes last, so a cut-off erasure is finished by
 * asking again. The audit keeps who, when and why, never the name.
 */
export async function eraseParticipant(services: Services, actor: Actor, caseId: string, participantId: string, request: ErasureRequest, now: Date): Promise<ErasureResponse> {
	const db = services.couch.dbs.records;
	const participantDocId = caseChildDocId(caseId, 'participant', participantId);
	for (let attempt = 1; attempt <= 5; attempt++) {
		const docs = await caseRange(db, caseId);
		const caseDoc = docs.find((d) => d._id === caseDocId(caseId));
		const stored = docs.find((d) => d._id === participantDocId);
		if (!caseDoc || !stored) throw notFound();
		if (request.confirmReference.trim() !== caseDoc.reference) throw badRequest([{ path: 'confirmReference', message: "Type this case's reference exactly as shown to confirm" }]);
		const participant = parseParticipant(withoutCouchFields(stored));
		if (!participant.ok) throw badRequest([{ path: 'participantId', message: 'This participant record cannot be read by this version of Tandem' }]);
		const plan = planErasure(participant.value, docs.map((d) => ({ docId: d._id, doc: withoutCouchFields(d) })), now.toISOString());
		if (!plan.ok) throw badRequest(plan.problems);
		const revs = new Map(docs.map((d) => [d._id, d._rev]));
		const written = plan.value.rewrite.length === 0 ? [] : await db.bulk({ docs: plan.value.rewrite.map((r) => ({ ...r.record, _id: r.docId, _rev: revs.get(r.docId) })) as never });
		// Someone wrote meanwhile: read the case again and plan again, so their change is not lost.
		if (written.some((result) => result.error)) continue;
		await redactAround(db, caseId, plan.value.rewrite.map((r) => r.docId), identifiersOf(participant.value));
		const removals = [...plan.value.remove.filter((id) => id !== participantDocId), participantDocId];
		for (const docId of removals) await removeCaseRecord(db, caseId, docId, 'erasure', now);
		const lines: AuditEntry[] = [
			...plan.value.rewrite.map((r) => auditEntry(actor, caseId, 'change', now, { recordId: lastPart(r.docId) })),
			...removals.map((docId) => auditEntry(actor, caseId, 'delete', now, { recordId: lastPart(docId) }))
		];
		await services.audit.append(lines);
		await services.couch.dbs.audit.insert({
			_id: `erasure:${caseId}:${now.toISOString()}:${randomBytes(6).toString('hex')}`, type: 'erasure', v: 1, caseId, reference: caseDoc.reference,
			participantId, role: participant.value.role, reason: request.reason, byUserId: actor.user.id, serverTime: now.toISOString(),
			removed: removals.map(lastPart), rewritten: plan.value.rewrite.map((r) => lastPart(r.docId))
		} as never);
		return { removed: removals.length, rewritten: plan.value.rewrite.length };
	}
	throw conflict('The case kept changing while the erasure ran; try again.');
}

/** The case's participants, for the office's list of whose details can be corrected or erased. */
export async function listParticipants(services: Services, caseId: string): Promise<ParticipantRecord[]> {
	const docs = await caseRange(services.couch.dbs.records, caseId);
	return docs.flatMap((doc) => {
		const parsed = doc.type === 'participant' ? parseParticipant(withoutCouchFields(doc)) : undefined;
		return parsed?.ok ? [parsed.value] : [];
	});
}

/** The participant as held now, for the office's correction page. */
export async function readParticipant(services: Services, caseId: string, participantId: string): Promise<ParticipantRecord> {
	const docs = await caseRange(services.couch.dbs.records, caseId);
	const stored = docs.find((d) => d._id === caseChildDocId(caseId, 'participant', participantId));
	const parsed = stored ? parseParticipant(withoutCouchFields(stored)) : undefined;
	if (!parsed?.ok) throw notFound();
	return parsed.value;
}

/**
 * Corrects a participant's details. The record changes (devices get the new version at their
 * next pull); the value before goes only to the audit database, in a rectification entry.
 */
export async function rectifyParticipant(services: Services, actor: Actor, caseId: string, participantId: string, request: Rectification, now: Date): Promise<RectificationResponse> {
	const db = services.couch.dbs.records;
	let corrected: Corrected | undefined;
	const written = await updateDoc<Stored>(db, caseChildDocId(caseId, 'participant', participantId), (current) => {
		if (!current || current.type !== 'participant') throw notFound();
		const participant = parseParticipant(withoutCouchFields(current));
		if (!participant.ok) throw badRequest([{ path: 'participantId', message: 'This participant record cannot be read by this version of Tandem' }]);
		const result = rectify(participant.value, request.changes, now.toISOString());
		if (!result.ok) throw badRequest(result.problems);
		corrected = result.value;
		return { ...result.value.record, _id: current._id, _rev: current._rev } as Stored;
	});
	if (!written || !corrected) throw notFound();
	const fields = corrected.changed.map((c) => c.field);
	await services.audit.append([auditEntry(actor, caseId, 'change', now, { recordId: participantId, fields })]);
	await services.couch.dbs.audit.insert({
		_id: `rectification:${caseId}:${now.toISOString()}:${randomBytes(6).toString('hex')}`, type: 'rectification', v: 1, caseId, participantId,
		changed: corrected.changed, reason: request.reason, ...(request.note ? { note: request.note } : {}), byUserId: actor.user.id, serverTime: now.toISOString()
	} as never);
	return { changed: fields };
}
