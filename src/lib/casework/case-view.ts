import { liveQuery, type Observable } from 'dexie';
import { caseRepository } from '../db/case-repository.js';
import { readRecordsOfTypes } from '../db/caseload-reader.js';
import { recordRepository } from '../db/record-repository.js';
import type { UserDb } from '../db/user-db.js';
import { CASE_STAGE_LABELS, type CaseStage } from '../domain/case-stage.js';
import type { EstablishmentRecord } from '../domain/establishment.js';
import { nextStep, overdueRiskReviews, type NextStep } from '../domain/next-step.js';
import { displayName, PARTICIPANT_ROLE_LABELS, type ParticipantRecord } from '../domain/participant.js';
import type { DomainRecord } from '../domain/records.js';
import { DEFAULT_SERVICE_POLICY, type ServicePolicy } from '../domain/service-policy.js';
import { hasWithdrawn } from '../domain/consent.js';
import { NO_MARKERS, readCaseMarkers, type CaseMarkers } from '../sync/case-markers.js';
import { caseFactsFrom, ofType } from './case-facts-from-records.js';
import { caseTimeline, type TimelineEntry } from './timeline.js';
import { CONTACT_METHOD_LABELS } from './words.js';

export interface ParticipantView {
	id: string;
	name: string;
	fullName: string;
	roleLabel: string;
	withdrawn: boolean;
	/** Plain lines: how to reach them safely, and what to avoid. */
	safeContact: string[];
	/** Where they are and what they need: custody, language, access. */
	about: string[];
}

export interface CaseView {
	id: string;
	reference: string;
	stage: CaseStage;
	stageLabel: string;
	/** Undefined until the case's records have synced to the device. */
	next?: NextStep;
	overdueReviews: string[];
	participants: ParticipantView[];
	timeline: TimelineEntry[];
	markers: CaseMarkers;
	records: DomainRecord[];
	establishments: EstablishmentRecord[];
}

const yesNo = (allowed: boolean, yes: string, no: string) => (allowed ? yes : no);

export function participantView(p: ParticipantRecord, all: readonly ParticipantRecord[], establishments: readonly EstablishmentRecord[], withdrawn: boolean): ParticipantView {
	const c = p.safeContact;
	const supported = p.supportsParticipantId ? all.find((o) => o.id === p.supportsParticipantId) : undefined;
	const prison = establishments.find((e) => e.id === p.establishmentId);
	return {
		id: p.id,
		name: displayName(p),
		fullName: p.name,
		roleLabel: PARTICIPANT_ROLE_LABELS[p.role],
		withdrawn,
		safeContact: [
			`How to reach them: ${c.methods.map((m) => CONTACT_METHOD_LABELS[m]).join(' or ')}`,
			...(c.safeTimes.trim() ? [`Safe times: ${c.safeTimes.trim()}`] : []),
			yesNo(c.voicemailAllowed, 'A voicemail may be left', 'Do not leave a voicemail'),
			yesNo(c.lettersToHomeAllowed, 'Letters may go to their home', 'Do not send letters to their home'),
			...(c.notes.trim() ? [c.notes.trim()] : [])
		],
		about: [
			...(supported ? [`Supports ${displayName(supported)} (${PARTICIPANT_ROLE_LABELS[supported.role]})`] : []),
			...(p.setting === 'custody' ? [`In custody${prison ? ` at ${prison.name}` : ''}${p.prisonNumber ? `, prison number ${p.prisonNumber}` : ''}`] : ['In the community']),
			`Language: ${p.language}${p.interpreterNeeded ? ', needs an interpreter' : ''}`,
			...(p.accessibilityNeeds.trim() ? [`Access needs: ${p.accessibilityNeeds.trim()}`] : [])
		]
	};
}

const ROLE_ORDER = { 'harmed-person': 0, 'person-responsible': 1, supporter: 2 } as const;

/** Everything the case screen shows, from what is on the device. */
export function caseView(
	caseId: string,
	summary: { reference: string; stage: CaseStage } | undefined,
	records: DomainRecord[],
	establishments: EstablishmentRecord[],
	markers: CaseMarkers,
	policy: ServicePolicy,
	now: string
): CaseView | undefined {
	const facts = caseFactsFrom(records, caseId);
	const reference = facts?.case.reference ?? summary?.reference;
	const stage = facts?.case.stage ?? summary?.stage;
	if (!reference || !stage) return undefined;
	const participants = ofType(records, 'participant').sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name));
	const consents = ofType(records, 'consent');
	return {
		id: caseId,
		reference,
		stage,
		stageLabel: CASE_STAGE_LABELS[stage],
		...(facts ? { next: nextStep(facts, policy, now) } : {}),
		overdueReviews: facts ? overdueRiskReviews(facts, policy, now).map((r) => r.message) : [],
		participants: participants.map((p) => participantView(p, participants, establishments, hasWithdrawn(consents, p.id))),
		timeline: caseTimeline(records),
		markers,
		records,
		establishments
	};
}

/** The case screen's data, live. Null when the case is not on this device. */
export function watchCaseView(db: UserDb, caseId: string, now: () => string = () => new Date().toISOString()): Observable<CaseView | null> {
	return liveQuery(async () => {
		const [summaries, records, establishments, markers] = await Promise.all([
			caseRepository(db).readAll(),
			recordRepository(db).readCase(caseId),
			readRecordsOfTypes(db, ['establishment']),
			readCaseMarkers(db, caseId)
		]);
		const summary = summaries.find((s) => s.id === caseId);
		return caseView(caseId, summary, records, establishments as EstablishmentRecord[], markers.get(caseId) ?? NO_MARKERS, DEFAULT_SERVICE_POLICY, now()) ?? null;
	});
}
