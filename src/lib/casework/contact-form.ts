import type { CONTACT_KINDS, CONTACT_OUTCOMES, ContactRecord } from '../domain/contact.js';
import type { EstablishmentRecord } from '../domain/establishment.js';
import type { ParticipantRecord } from '../domain/participant.js';
import type { DomainRecord } from '../domain/records.js';
import type { FieldProblem } from '../domain/validation.js';
import { fromLocalInput } from '../ui/date-time.js';
import { ofType } from './case-facts-from-records.js';

/** The contact form as a person fills it in: plain strings and lists. */
export interface ContactForm {
	kind: (typeof CONTACT_KINDS)[number];
	participantIds: string[];
	/** An establishment's id, or '' for somewhere else (then `place` says where). */
	establishmentId: string;
	place: string;
	/** `datetime-local` value. */
	when: string;
	outcome: (typeof CONTACT_OUTCOMES)[number];
	summary: string;
}

/**
 * Where this facilitator was last: the establishment of their latest contact on any case; else
 * where the case's person in custody is held; else nowhere.
 */
export function lastEstablishmentId(
	allContacts: readonly ContactRecord[],
	userId: string,
	caseParticipants: readonly ParticipantRecord[],
	establishments: readonly EstablishmentRecord[]
): string {
	const known = new Set(establishments.map((e) => e.id));
	const mine = allContacts
		.filter((c) => c.createdBy === userId && c.establishmentId && known.has(c.establishmentId))
		.sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.createdAt.localeCompare(a.createdAt));
	if (mine[0]) return mine[0].establishmentId!;
	const held = caseParticipants.find((p) => p.setting === 'custody' && p.establishmentId && known.has(p.establishmentId));
	return held?.establishmentId ?? '';
}

/** A new contact form: a visit, now, that went ahead, at the facilitator's last establishment. */
export function contactFormDefaults(records: readonly DomainRecord[], userId: string, caseId: string, nowLocal: string): ContactForm {
	const participants = ofType(records, 'participant').filter((p) => p.caseId === caseId);
	const establishmentId = lastEstablishmentId(ofType(records, 'contact'), userId, participants, ofType(records, 'establishment'));
	return { kind: 'visit', participantIds: [], establishmentId, place: '', when: nowLocal, outcome: 'completed', summary: '' };
}

export interface ContactInputContext {
	id: string;
	caseId: string;
	userId: string;
	now: string;
	establishments: readonly EstablishmentRecord[];
}

/**
 * The record to save, or the problems the form can see before the domain schema does (a date
 * that is not a date). The repository validates the rest with the domain's contact schema.
 */
export function contactInput(form: ContactForm, ctx: ContactInputContext): { ok: true; value: unknown } | { ok: false; problems: FieldProblem[] } {
	const occurredAt = fromLocalInput(form.when);
	if (!occurredAt) return { ok: false, problems: [{ path: 'occurredAt', message: 'Enter the date and time of the contact' }] };
	const establishment = ctx.establishments.find((e) => e.id === form.establishmentId);
	if (!establishment && form.kind === 'visit' && form.place.trim() === '')
		return { ok: false, problems: [{ path: 'place', message: 'Choose the establishment or say where the visit was' }] };
	return {
		ok: true,
		value: {
			type: 'contact', v: 1, id: ctx.id, caseId: ctx.caseId, createdAt: ctx.now, updatedAt: ctx.now, createdBy: ctx.userId,
			kind: form.kind, participantIds: form.participantIds, professionalIds: [],
			...(establishment ? { establishmentId: establishment.id } : {}),
			place: establishment ? establishment.name : form.place.trim(),
			occurredAt, outcome: form.outcome, summary: form.summary.trim()
		}
	};
}
