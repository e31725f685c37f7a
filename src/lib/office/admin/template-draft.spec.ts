import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLIST_TEMPLATE, parseChecklistTemplate } from '../../domain/checklist-template.js';
import { draftOf, newestVersions, questionIdFor, withoutQuestion, withQuestion } from './template-draft.js';

const v1 = DEFAULT_CHECKLIST_TEMPLATE;
const first = v1.sections[0]!;

describe('drafting a new checklist version', () => {
	it('starts as a copy, so editing the draft leaves the published version as it was', () => {
		const draft = draftOf(v1);
		draft.sections[0]!.questions[0]!.text = 'Changed';
		expect(v1.sections[0]!.questions[0]!.text).not.toBe('Changed');
		expect(draft.basedOnVersion).toBe(1);
	});

	it('gives a new question an id from its words that no other question in the section has', () => {
		expect(questionIdFor(first, 'Is anyone at risk?')).toBe('is-anyone-at-risk');
		const once = withQuestion(first, 'Is anyone at risk?');
		expect(questionIdFor(once, 'Is anyone at risk?')).toBe('is-anyone-at-risk-2');
		expect(questionIdFor(first, '42 things')).toBe('q-42-things');
	});

	it('makes a draft that is still a valid template after adding and removing questions', () => {
		const draft = draftOf(v1);
		draft.sections[0] = withoutQuestion(withQuestion(draft.sections[0]!, 'Has anything changed?'), first.questions[0]!.id);
		const { basedOnVersion: _based, ...wording } = draft;
		const parsed = parseChecklistTemplate({ ...v1, ...wording, id: 'default-risk-checklist-v2', version: 2 });
		expect(parsed.ok).toBe(true);
		expect(draft.sections[0]!.questions.map((q) => q.id)).toContain('has-anything-changed');
		expect(draft.sections[0]!.questions.map((q) => q.id)).not.toContain(first.questions[0]!.id);
	});

	it('finds the newest version of each template', () => {
		const v2 = { ...v1, id: 'default-risk-checklist-v2', version: 2 };
		expect(newestVersions([v2, v1]).map((t) => t.version)).toEqual([2]);
	});
});
