import { describe, expect, it } from 'vitest';
import { withoutBlanks } from './send-form.js';

describe('withoutBlanks', () => {
	it('leaves out empty and space-only answers, inside nested parts too, and keeps the rest', () => {
		expect(withoutBlanks({ name: 'Sam', email: '', person: { prisonNumber: '  ', name: 'Jo' }, agree: false })).toEqual({ name: 'Sam', person: { name: 'Jo' }, agree: false });
	});
});
