import { exampleWith, type ExampleType } from '../../src/lib/domain/record-fixtures.js';

/** Records per case, as in the sync baseline: a case, participants, notes, contacts, assessments, consents, letters. */
export const CASE_SIZE = 125;
const MIX: [ExampleType, number][] = [['case', 1], ['participant', 4], ['case-note', 60], ['contact', 40], ['risk-assessment', 6], ['consent', 8], ['letter', 6]];

/**
 * A caseload of `count` records in cases of CASE_SIZE; notes of 200–1,500 characters. Fictional.
 */
export function caseload(count: number): Record<string, unknown>[] {
	const out: Record<string, unknown>[] = [];
	for (let c = 0; out.length < count; c++) {
		const caseId = `bench-case-${String(c).padStart(5, '0')}`;
		for (const [type, n] of MIX)
			for (let i = 0; i < n && out.length < count; i++)
				out.push(
					exampleWith(type, (r) => {
						r.id = type === 'case' ? caseId : `${type}-${c}-${i}`.padEnd(8, '0');
						if (type !== 'case') r.caseId = caseId;
						if (type === 'participant') r.name = `Person ${c * 4 + i}`;
						if (type === 'case-note') r.text = 'Spoke about the meeting plan. '.repeat(7 + ((c + i) % 43));
					})
				);
	}
	return out;
}
