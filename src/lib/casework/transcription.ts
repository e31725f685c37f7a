import { startAssessment } from '../domain/assessment-run.js';
import type { CaseStage } from '../domain/case-stage.js';
import type { Answer, ChecklistTemplate } from '../domain/checklist-template.js';
import type { ConsentDecision, ConsentPurpose } from '../domain/consent.js';
import type { CONTACT_OUTCOMES } from '../domain/contact.js';
import type { PaperPackRecord } from '../domain/paper-pack.js';
import { parseRecord, type DomainRecord } from '../domain/records.js';
import type { FieldProblem } from '../domain/validation.js';
import { fromLocalInput } from '../ui/date-time.js';
import type { Saver } from './action-result.js';

export interface TranscribedAnswer {
	answer: Answer | '';
	note: string;
	mitigation: string;
}

/** The paper pack as typed up, section by section; a section left blank on paper is left out. */
export interface TranscriptionForm {
	/** The date written on the paper, YYYY-MM-DD. */
	paperDate: string;
	checklist: { participantId: string; answers: Record<string, TranscribedAnswer> };
	contact: { participantIds: string[]; time: string; outcome: (typeof CONTACT_OUTCOMES)[number]; summary: string };
	consent: { participantId: string; purpose: ConsentPurpose | ''; decision: ConsentDecision | '' };
}

export interface TranscriptionContext {
	caseId: string;
	stage: CaseStage;
	userId: string;
	pack: PaperPackRecord;
	/** The version printed on the paper, whatever has been published since. */
	template: ChecklistTemplate;
	establishment?: { id: string; name: string };
	now: string;
	newId: () => string;
}

export function emptyTranscription(): TranscriptionForm {
	return {
		paperDate: '',
		checklist: { participantId: '', answers: {} },
		contact: { participantIds: [], time: '', outcome: 'completed', summary: '' },
		consent: { participantId: '', purpose: '', decision: '' }
	};
}

type Built = { ok: true; records: DomainRecord[] } | { ok: false; problems: FieldProblem[] };

/** The records the paper holds, each validated by the domain; any problem and none is kept. */
export function transcribedRecords(form: TranscriptionForm, ctx: TranscriptionContext): Built {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(form.paperDate)) return { ok: false, problems: [{ path: 'paperDate', message: 'Enter the date written on the paper' }] };
	const fromPaper = { paperDate: form.paperDate, typedAt: ctx.now, paperPackId: ctx.pack.id };
	const stamps = { caseId: ctx.caseId, createdAt: ctx.now, updatedAt: ctx.now, createdBy: ctx.userId };
	const inputs: [string, unknown][] = [];
	const answered = Object.entries(form.checklist.answers).filter(([, a]) => a.answer !== '');
	if (form.checklist.participantId) {
		const run = startAssessment({ id: ctx.newId(), caseId: ctx.caseId, participantId: form.checklist.participantId, stage: ctx.stage, template: ctx.template, at: ctx.now, by: ctx.userId });
		const answers = Object.fromEntries(answered.map(([key, a]) => [key, { answer: a.answer, narrative: a.note.trim(), source: `Paper pack, written on ${form.paperDate}`, mitigation: a.mitigation.trim() }]));
		inputs.push(['checklist', { ...run, answers, fromPaper }]);
	}
	const at = fromLocalInput(`${form.paperDate}T${form.contact.time || '12:00'}`);
	if (form.contact.participantIds.length > 0) {
		if (!at) return { ok: false, problems: [{ path: 'contact.time', message: 'Enter the time of the visit, like 10:30' }] };
		inputs.push(['contact', {
			type: 'contact', v: 1, id: ctx.newId(), ...stamps, kind: 'visit', participantIds: form.contact.participantIds, professionalIds: [],
			...(ctx.establishment ? { establishmentId: ctx.establishment.id, place: ctx.establishment.name } : { place: '' }),
			occurredAt: at, outcome: form.contact.outcome, summary: form.contact.summary.trim(), fromPaper
		}]);
	}
	if (form.consent.participantId) {
		inputs.push(['consent', {
			type: 'consent', v: 1, id: ctx.newId(), ...stamps, participantId: form.consent.participantId, purpose: form.consent.purpose || undefined,
			agencies: [], decision: form.consent.decision || undefined, decidedAt: at ?? ctx.now, fromPaper
		}]);
	}
	if (inputs.length === 0) return { ok: false, problems: [{ path: 'sections', message: 'Fill in at least one section from the paper: the checklist, the contact record or the consent form' }] };
	const problems: FieldProblem[] = [];
	const records: DomainRecord[] = [];
	for (const [section, input] of inputs) {
		const parsed = parseRecord(input);
		if (parsed.ok) records.push(parsed.value);
		else for (const p of parsed.problems) problems.push(p.path.startsWith('fromPaper.paperDate') ? { ...p, path: 'paperDate' } : { ...p, path: `${section}.${p.path}` });
	}
	const unique = problems.filter((p, i) => problems.findIndex((q) => q.path === p.path) === i);
	return unique.length > 0 ? { ok: false, problems: unique } : { ok: true, records };
}

/** Saves every record typed from the paper through the repository, or nothing when any is wrong. */
export async function saveTranscription(saver: Saver, form: TranscriptionForm, ctx: TranscriptionContext): Promise<Built> {
	const built = transcribedRecords(form, ctx);
	if (!built.ok) return built;
	for (const record of built.records) {
		const saved = await saver.save(record);
		if (!saved.ok) return { ok: false, problems: saved.problems };
	}
	return built;
}
