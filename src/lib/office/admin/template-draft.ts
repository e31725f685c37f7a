import type { ChecklistTemplate } from '../../domain/checklist-template.js';
import { PARTICIPANT_ROLES } from '../../domain/participant.js';

type Section = ChecklistTemplate['sections'][number];
type Question = Section['questions'][number];

/** The wording of a new version, started as a copy of the one it is based on. */
export interface TemplateDraft {
	basedOnVersion: number;
	title: string;
	description: string;
	sections: Section[];
}

export const draftOf = (template: ChecklistTemplate): TemplateDraft => ({
	basedOnVersion: template.version,
	title: template.title,
	description: template.description,
	// Through JSON, not structuredClone: a page's template is a state proxy, which cannot be cloned.
	sections: JSON.parse(JSON.stringify(template.sections)) as Section[]
});

/** A question id from its words, unique in its section: "Is the person safe?" → "is-the-person-safe". */
export function questionIdFor(section: Section, text: string): string {
	const base = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
	const stem = /^[a-z]/.test(base) ? base : `q-${base}`.replace(/-+$/, '');
	const taken = new Set(section.questions.map((q) => q.id));
	let id = stem;
	for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
	return id;
}

/** A new question asked of everyone and required at no stage: the administrator may say more in a later version. */
export function withQuestion(section: Section, text: string): Section {
	const question: Question = { id: questionIdFor(section, text), text: text.trim(), appliesTo: [...PARTICIPANT_ROLES], requiredAt: [] };
	return { ...section, questions: [...section.questions, question] };
}

export function withoutQuestion(section: Section, questionId: string): Section {
	return { ...section, questions: section.questions.filter((q) => q.id !== questionId) };
}

/** The newest version of each template, for the list's headings and the editor's starting point. */
export function newestVersions(templates: readonly ChecklistTemplate[]): ChecklistTemplate[] {
	const newest = new Map<string, ChecklistTemplate>();
	for (const t of templates) if ((newest.get(t.templateId)?.version ?? 0) < t.version) newest.set(t.templateId, t);
	return [...newest.values()];
}
