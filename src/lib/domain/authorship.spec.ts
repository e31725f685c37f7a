import { describe, expect, it } from 'vitest';
import { authorshipProblems } from './authorship.js';

describe('authorship of a change', () => {
	it('lets a person make a record in their own name and refuses one in a colleague\'s, naming the field', () => {
		expect(authorshipProblems(undefined, { createdBy: 'me' }, 'me')).toEqual([]);
		expect(authorshipProblems(undefined, { createdBy: 'colleague' }, 'me').map((p) => p.path)).toEqual(['createdBy']);
	});

	it('leaves alone what the change did not set, and checks a decision\'s maker inside it', () => {
		const before = { createdBy: 'colleague', decision: { decidedBy: 'colleague' } };
		expect(authorshipProblems(before, { ...before, note: 'x' }, 'me')).toEqual([]);
		expect(authorshipProblems(before, { ...before, decision: { decidedBy: 'someone-else' } }, 'me').map((p) => p.path)).toEqual(['decision.decidedBy']);
	});

	it('accepts a value a person chose from those kept in a conflict', () => {
		expect(authorshipProblems({ reviewedBy: 'a' }, { reviewedBy: 'b' }, 'me', ['reviewedBy'])).toEqual([]);
	});
});
