import * as v from 'valibot';
import { CASE_STAGES, type CaseStage } from './case-stage.js';
import { documentFields, requiredText } from './fields.js';
import { PARTICIPANT_ROLES, type ParticipantRole } from './participant.js';
import { validate, type Validated } from './validation.js';
import defaultRiskChecklistV1 from './checklist-templates/default-risk-checklist-v1.json' with { type: 'json' };

export const ANSWERS = ['yes', 'no', 'not-known'] as const;
export type Answer = (typeof ANSWERS)[number];

const slug = (message: string) => v.pipe(v.string(message), v.regex(/^[a-z][a-z0-9-]{0,63}$/, message));

const questionSchema = v.strictObject({
	id: slug('Give the question an id of lower-case letters, digits and dashes'),
	text: requiredText('Write the question', 500),
	help: v.optional(requiredText('Write the help text or leave it out', 1_000)),
	appliesTo: v.pipe(
		v.array(v.picklist(PARTICIPANT_ROLES, 'Choose harmed person, person responsible or supporter')),
		v.minLength(1, 'Say who the question is for')
	),
	/** The assessment runs, by case stage, that cannot be completed without an answer. */
	requiredAt: v.array(v.picklist(CASE_STAGES, 'Choose a stage from the list')),
	/** The answer that signals a concern; with it, the facilitator must write a mitigation. */
	concernWhen: v.optional(v.picklist(['yes', 'no'], 'Choose yes or no'))
});

const sectionSchema = v.strictObject({
	id: slug('Give the section an id of lower-case letters, digits and dashes'),
	title: requiredText('Give the section a title', 200),
	questions: v.pipe(v.array(questionSchema), v.minLength(1, 'A section needs at least one question'))
});

const entries = {
	type: v.literal('checklist-template'),
	v: v.literal(1),
	...documentFields,
	templateId: slug('Give the template an id of lower-case letters, digits and dashes'),
	version: v.pipe(v.number('Enter a version number'), v.integer('Use a whole number'), v.minValue(1, 'Versions start at 1')),
	title: requiredText('Give the template a title', 200),
	description: requiredText('Describe the template', 2_000),
	sections: v.pipe(v.array(sectionSchema), v.minLength(1, 'A template needs at least one section'))
};

type TemplateShape = v.InferOutput<v.StrictObjectSchema<typeof entries, undefined>>;

const questionKeys = (t: TemplateShape) => t.sections.flatMap((s) => s.questions.map((q) => `${s.id}.${q.id}`));

/** Templates are versioned data: a published version never changes; a change is a new version. */
export const checklistTemplateSchema = v.pipe(
	v.strictObject(entries),
	v.forward(v.check((t: TemplateShape) => t.id === templateDocumentId(t.templateId, t.version), 'Use an id made of the template id and version, like default-risk-checklist-v1'), ['id']),
	v.forward(v.check((t: TemplateShape) => new Set(questionKeys(t)).size === questionKeys(t).length, 'Each question needs its own id within its section'), ['sections'])
);

export type ChecklistTemplate = v.InferOutput<typeof checklistTemplateSchema>;
export type ChecklistQuestion = ChecklistTemplate['sections'][number]['questions'][number];

export function parseChecklistTemplate(input: unknown): Validated<ChecklistTemplate> {
	return validate(checklistTemplateSchema, input);
}

export function templateDocumentId(templateId: string, version: number): string {
	return `${templateId}-v${version}`;
}

/** A question's key within a template: "section.question", the key of its answer. */
export function questionKey(sectionId: string, questionId: string): string {
	return `${sectionId}.${questionId}`;
}

export interface QuestionRef {
	key: string;
	sectionTitle: string;
	question: ChecklistQuestion;
}

/** The questions to ask a person in a given role, in template order. */
export function questionsFor(template: ChecklistTemplate, role: ParticipantRole): QuestionRef[] {
	return template.sections.flatMap((section) =>
		section.questions
			.filter((question) => question.appliesTo.includes(role))
			.map((question) => ({ key: questionKey(section.id, question.id), sectionTitle: section.title, question }))
	);
}

/** The questions that must be answered to complete a run at the given case stage. */
export function requiredQuestions(template: ChecklistTemplate, role: ParticipantRole, stage: CaseStage): QuestionRef[] {
	return questionsFor(template, role).filter((ref) => ref.question.requiredAt.includes(stage));
}

function loadShipped(input: unknown): ChecklistTemplate {
	const parsed = parseChecklistTemplate(input);
	if (!parsed.ok) throw new Error(`The shipped checklist template is invalid: ${JSON.stringify(parsed.problems)}`);
	return parsed.value;
}

/** The default risk and suitability checklist shipped with Tandem (see checklist-templates/README.md). */
export const DEFAULT_CHECKLIST_TEMPLATE: ChecklistTemplate = loadShipped(defaultRiskChecklistV1);
