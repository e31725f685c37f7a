import { CONTACT_KIND_LABELS, CONTACT_METHOD_LABELS, CONTACT_OUTCOME_LABELS, LETTER_STATUS_LABELS, MEETING_STATUS_LABELS } from '../../src/lib/casework/words.js';
import { REVIEW_OUTCOME_LABELS } from '../../src/lib/domain/assessment-review.js';
import { CASE_STAGE_LABELS } from '../../src/lib/domain/case-stage.js';
import { JUSTICE_STAGE_LABELS, OFFENCE_CATEGORY_LABELS, REFERRAL_SOURCE_LABELS } from '../../src/lib/domain/case-words.js';
import { CONSENT_PURPOSE_LABELS } from '../../src/lib/domain/consent.js';
import { PARTICIPANT_ROLE_LABELS } from '../../src/lib/domain/participant.js';
import type { DomainRecord } from '../../src/lib/domain/records.js';
import { REDACTED_NAME } from '../../src/lib/domain/subject-access.js';
import { RISK_DECISION_LABELS } from '../../src/lib/domain/risk-assessment.js';
import { EXIT_REASON_WORDS } from '../../src/lib/protocol/report-words.js';
import type { SubjectField, SubjectSection } from '../../src/lib/protocol/subject-access.js';
import { ukDate, ukDateTime } from './uk-dates.js';

/** What describing a record needs to know, so no id or code reaches the page. */
export interface DescribeContext {
	isSubject(participantId: string | undefined): boolean;
	staffName(userId: string | undefined): string;
	establishmentName(id: string | undefined): string;
	professionalName(id: string | undefined): string;
	question(templateId: string, version: number, key: string): string;
}

export interface Described {
	section: SubjectSection;
	title: string;
	date: string;
	fields: SubjectField[];
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
const field = (label: string, value: string | undefined): SubjectField[] => (value && value.trim() !== '' ? [{ label, value }] : []);

/** A record in plain words; text fields are given whole, for redaction after. */
export function describeRecord(record: DomainRecord, ctx: DescribeContext): Described | undefined {
	const person = (id: string | undefined) => (ctx.isSubject(id) ? 'You' : REDACTED_NAME);
	const people = (ids: readonly string[]) => ids.map(person).join(', ');
	const by = (userId: string) => field('Recorded by', ctx.staffName(userId));
	switch (record.type) {
		case 'participant':
			return { section: 'details', title: `Your details (${PARTICIPANT_ROLE_LABELS[record.role]})`, date: ukDate(record.updatedAt), fields: [
				...field('Name', record.name), ...field('Preferred name', record.preferredName), ...field('Language', record.language),
				...field('Interpreter needed', yesNo(record.interpreterNeeded)), ...field('Accessibility needs', record.accessibilityNeeds),
				...field('Safe ways to contact you', record.safeContact.methods.map((m) => CONTACT_METHOD_LABELS[m]).join(', ')),
				...field('Safe times', record.safeContact.safeTimes), ...field('Voicemail allowed', yesNo(record.safeContact.voicemailAllowed)),
				...field('Letters to your home allowed', yesNo(record.safeContact.lettersToHomeAllowed)), ...field('Contact notes', record.safeContact.notes),
				...field('Where you are', record.setting === 'custody' ? 'In custody' : 'In the community'), ...field('Prison number', record.prisonNumber),
				...field('Establishment', ctx.establishmentName(record.establishmentId)), ...field('Offender manager', ctx.professionalName(record.offenderManagerId)),
				...field('Recorded on', ukDate(record.createdAt))
			] };
		case 'case':
			return { section: 'cases', title: 'Case opened', date: ukDate(record.createdAt), fields: [
				...field('Stage', CASE_STAGE_LABELS[record.stage]), ...field('Open or closed', record.status === 'open' ? 'Open' : 'Closed'),
				...field('Referred by', REFERRAL_SOURCE_LABELS[record.referralSource]), ...field('Justice stage', JUSTICE_STAGE_LABELS[record.justiceStage]),
				...field('Kind of offence', record.offenceCategory && OFFENCE_CATEGORY_LABELS[record.offenceCategory]),
				...field('Date of the offence', record.offenceDate && ukDate(record.offenceDate)), ...field('Opened on', ukDate(record.createdAt)),
				...field('Closed on', record.exitDate && ukDate(record.exitDate)), ...field('Why it closed', record.exitReason && EXIT_REASON_WORDS[record.exitReason]),
				...field('Closing note', record.exitNote)
			] };
		case 'case-note':
			return { section: 'notes', title: record.amendsNoteId ? 'Case note (a correction of an earlier note)' : 'Case note', date: ukDate(record.createdAt),
				fields: [...field('Written on', ukDateTime(record.createdAt)), ...by(record.createdBy), ...field('About', people(record.aboutParticipantIds)), ...field('Note', record.text)] };
		case 'contact':
			return { section: 'contacts', title: CONTACT_KIND_LABELS[record.kind], date: ukDate(record.occurredAt), fields: [
				...field('When', ukDateTime(record.occurredAt)), ...field('With', people(record.participantIds)),
				...field('Professionals', record.professionalIds.map(ctx.professionalName).join(', ')), ...field('Place', record.place),
				...field('How it went', CONTACT_OUTCOME_LABELS[record.outcome]), ...field('Summary', record.summary), ...by(record.createdBy)
			] };
		case 'consent':
			return { section: 'consents', title: `Consent to ${CONSENT_PURPOSE_LABELS[record.purpose]}`, date: ukDate(record.decidedAt), fields: [
				...field('Decision', { given: 'Given', refused: 'Refused', withdrawn: 'Withdrawn' }[record.decision]), ...field('When you decided', ukDateTime(record.decidedAt)),
				...field('Agencies', record.agencies.join(', ')), ...field('Note', record.note), ...by(record.createdBy)
			] };
		case 'risk-assessment':
			return { section: 'assessments', title: 'Risk and suitability assessment', date: ukDate(record.completedAt ?? record.createdAt), fields: [
				...field('Stage of the case', CASE_STAGE_LABELS[record.stage]), ...field('Finished', record.status === 'completed' ? 'Yes' : 'Not yet'),
				...field('Decision', record.decision && RISK_DECISION_LABELS[record.decision.outcome]), ...field('Reasons', record.decision?.reasons),
				...field('Decided by', record.decision && ctx.staffName(record.decision.decidedBy)),
				...Object.entries(record.answers).flatMap(([key, a]) =>
					field(ctx.question(record.templateId, record.templateVersion, key), [{ yes: 'Yes', no: 'No', 'not-known': 'Not known' }[a.answer], a.narrative, a.mitigation && `What reduces the risk: ${a.mitigation}`].filter(Boolean).join('. '))
				)
			] };
		case 'assessment-review':
			return { section: 'assessments', title: 'A second facilitator’s review of an assessment', date: ukDate(record.createdAt),
				fields: [...field('Review', REVIEW_OUTCOME_LABELS[record.outcome]), ...field('Note', record.note), ...field('Reviewed by', ctx.staffName(record.createdBy))] };
		case 'letter':
			return { section: 'letters', title: ctx.isSubject(record.fromParticipantId) ? 'Letter from you' : 'Letter to you', date: ukDate(record.sentAt ?? record.createdAt), fields: [
				...field('From', person(record.fromParticipantId)), ...field('To', record.toParticipantId && person(record.toParticipantId)),
				...field('Status', LETTER_STATUS_LABELS[record.status]), ...field('Sent on', record.sentAt && ukDate(record.sentAt)),
				...field('Delivered on', record.deliveredOn && ukDate(record.deliveredOn)), ...field('Letter', record.body), ...field('Review note', record.reviewNote)
			] };
		case 'meeting':
			return { section: 'meetings', title: 'Meeting', date: ukDate(record.heldAt ?? record.scheduledFor), fields: [
				...field('Planned for', ukDateTime(record.scheduledFor)), ...field('Venue', record.venue.name), ...field('Status', MEETING_STATUS_LABELS[record.status]),
				...field('Who took part', people([...record.participantIds, ...record.supporterIds])), ...field('Facilitators', record.facilitatorIds.map(ctx.staffName).join(', ')),
				...field('Ground rules agreed', yesNo(record.groundRulesAgreed)), ...field('Plan', record.plan), ...field('What happened', record.outcome)
			] };
		case 'outcome-agreement':
			return { section: 'agreements', title: 'Outcome agreement', date: ukDate(record.agreedAt), fields: [
				...field('Agreed on', ukDate(record.agreedAt)), ...field('Monitored by', ctx.staffName(record.monitoredBy)),
				...record.actions.map((a, i) => ({ label: `Action ${i + 1}`, value: `${a.description} (who: ${a.who}; by ${ukDate(a.byDate)}; ${{ open: 'open', done: 'done', 'not-done': 'not done' }[a.status]})` }))
			] };
		case 'feedback':
			return { section: 'feedback', title: 'Your feedback', date: ukDate(record.receivedAt), fields: [
				...field('How satisfied (1 to 5)', String(record.satisfaction)),
				...field('Would recommend', record.wouldRecommend === undefined ? undefined : yesNo(record.wouldRecommend)), ...field('Comments', record.comments)
			] };
		default:
			return undefined;
	}
}
