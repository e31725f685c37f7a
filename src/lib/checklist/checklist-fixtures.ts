import { parseChecklistTemplate, type ChecklistTemplate } from '../domain/checklist-template.js';

const at = '2026-10-01T00:00:00.000Z';

/** A small template for tests: two sections, a question for one role only, one optional, one with a concern. */
export function smallTemplate(version = 1): ChecklistTemplate {
	const parsed = parseChecklistTemplate({
		type: 'checklist-template', v: 1, id: `small-checklist-v${version}`, templateId: 'small-checklist', version,
		title: 'Small checklist', description: 'For tests.', createdAt: at, updatedAt: at, createdBy: 'tandem',
		sections: [
			{
				id: 'basics', title: 'Basics',
				questions: [
					{ id: 'offence', text: 'What happened?', appliesTo: ['harmed-person', 'person-responsible'], requiredAt: ['assessment'] },
					{ id: 'sentence', text: 'What sentence?', appliesTo: ['person-responsible'], requiredAt: ['assessment'] }
				]
			},
			{
				id: 'safety', title: 'Safety',
				questions: [
					{ id: 'physical-harm', text: 'Any risk of physical harm?', appliesTo: ['harmed-person', 'person-responsible'], requiredAt: ['assessment'], concernWhen: 'yes' },
					{ id: 'police', text: 'Anything from the police?', appliesTo: ['harmed-person', 'person-responsible'], requiredAt: ['communication'] }
				]
			}
		]
	});
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
	return parsed.value;
}

export const answer = (value: 'yes' | 'no' | 'not-known', mitigation = '') => ({ answer: value, narrative: '', source: '', mitigation });
