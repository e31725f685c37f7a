import { readRecordsOfTypes } from '../db/caseload-reader.js';
import { recordRepository } from '../db/record-repository.js';
import type { UserDb } from '../db/user-db.js';
import type { EstablishmentRecord } from '../domain/establishment.js';
import { displayName, PARTICIPANT_ROLE_LABELS } from '../domain/participant.js';
import type { FieldProblem } from '../domain/validation.js';
import { toLocalInput } from '../ui/date-time.js';
import { ofType } from './case-facts-from-records.js';
import { contactFormDefaults, contactInput, type ContactForm } from './contact-form.js';

export interface ContactScreen {
	reference?: string;
	people: { value: string; label: string; detail: string }[];
	establishments: EstablishmentRecord[];
	defaults: ContactForm;
}

/** What the contact form needs, read once when it opens: the case's people, the establishments, the defaults. */
export async function loadContactScreen(db: UserDb, caseId: string, userId: string, now = new Date()): Promise<ContactScreen> {
	const [inCase, shared] = await Promise.all([recordRepository(db).readCase(caseId), readRecordsOfTypes(db, ['establishment', 'contact'])]);
	const records = [...inCase, ...shared.filter((r) => r.type === 'establishment' || ('caseId' in r && r.caseId !== caseId))];
	const participants = ofType(inCase, 'participant');
	return {
		reference: ofType(inCase, 'case')[0]?.reference,
		people: participants.map((p) => ({
			value: p.id,
			label: `${displayName(p)} (${PARTICIPANT_ROLE_LABELS[p.role]})`,
			detail: p.safeContact.safeTimes.trim() ? `Safe times: ${p.safeContact.safeTimes.trim()}` : ''
		})),
		establishments: ofType(records, 'establishment').sort((a, b) => a.name.localeCompare(b.name)),
		defaults: contactFormDefaults(records, userId, caseId, toLocalInput(now.toISOString()))
	};
}

/** Saves the form as a contact: validated by the domain schema, sealed, queued for sync; or the problems. */
export async function saveContact(db: UserDb, form: ContactForm, ctx: { caseId: string; userId: string; establishments: readonly EstablishmentRecord[] }): Promise<FieldProblem[]> {
	const input = contactInput(form, { ...ctx, id: crypto.randomUUID(), now: new Date().toISOString() });
	if (!input.ok) return input.problems;
	const saved = await recordRepository(db).save(input.value);
	return saved.ok ? [] : saved.problems;
}
