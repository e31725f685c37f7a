// The seeded generator every benchmark draws its records from: cases of varied size, notes of
// varied prose, risk checklists answered from the default template. Same seed, same records, so
// runs compare. Runs in Node and in the page (no Node imports).
import { questionKey } from '../../src/lib/domain/checklist-template.js';
import defaultTemplate from '../../src/lib/domain/checklist-templates/default-risk-checklist-v1.json' with { type: 'json' };
import { caseChildDocId, caseDocId } from '../../src/lib/domain/ids.js';
import { exampleWith, type ExampleType } from '../../src/lib/domain/record-fixtures.js';

/** Mean records per case, as in the sync baseline. Two neighbouring cases always sum to twice this. */
export const CASE_SIZE = 125;
/** Per case: a case, 4 participants, a checklist run each (plus 2 re-runs), consents, letters; the rest notes (60 %) and contacts. */
const FIXED: [ExampleType, number][] = [['case', 1], ['participant', 4], ['risk-assessment', 6], ['consent', 8], ['letter', 6]];
const FIXED_COUNT = FIXED.reduce((sum, [, n]) => sum + n, 0);
const ROLES = ['harmed-person', 'person-responsible', 'supporter', 'harmed-person'] as const;

/** A small, fast, seeded generator (mulberry32): numbers in [0, 1). */
export function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const WORDS = ('we met at the centre and talked about how the harm affected her family he said he wanted to write a letter ' +
	'explaining what happened that night she asked for a break after twenty minutes the facilitator agreed next steps ' +
	'include a second visit in prison a phone call with the victim liaison officer and checking the safety plan again ' +
	'mother brother school work housing probation support worker meeting apology questions answers feelings worried calm').split(' ');

/** Seeded prose of a given length: varied words, so it compresses as case notes do, not 45:1. */
export function prose(seed: number, length: number): string {
	const next = random(seed);
	let text = '';
	while (text.length < length) {
		const word = WORDS[Math.floor(next() * WORDS.length)]!;
		text += `${text === '' || text.endsWith('. ') ? word[0]!.toUpperCase() + word.slice(1) : word}${next() < 0.09 ? '. ' : ' '}`;
	}
	return text.slice(0, length).trim();
}

/** Records in case `c`: between 60 and 190, pairs summing to 2 × CASE_SIZE. */
export function caseSize(c: number): number {
	const spread = Math.floor(random(1_000 + (c - (c % 2)))() * 66);
	return c % 2 === 0 ? CASE_SIZE + spread : CASE_SIZE - spread;
}

export const caseIdOf = (c: number) => `bench-case-${String(c).padStart(5, '0')}`;

/** Answers to every question of the default template that applies to the role, as a facilitator would record them. */
export function checklistAnswers(seed: number, role: (typeof ROLES)[number]): Record<string, { answer: 'yes' | 'no' | 'not-known'; narrative: string; source: string; mitigation: string }> {
	const next = random(seed);
	const answers: ReturnType<typeof checklistAnswers> = {};
	for (const section of defaultTemplate.sections)
		for (const question of section.questions) {
			if (!(question.appliesTo as string[]).includes(role)) continue;
			const roll = next();
			const answer = roll < 0.55 ? 'no' : roll < 0.85 ? 'yes' : 'not-known';
			const concern = 'concernWhen' in question && question.concernWhen === answer;
			answers[questionKey(section.id, question.id)] = {
				answer,
				narrative: next() < 0.7 ? prose(seed * 31 + Object.keys(answers).length, 40 + Math.floor(next() * 260)) : '',
				source: next() < 0.5 ? 'Facilitator visit' : 'Offender manager',
				mitigation: concern ? prose(seed * 37 + 1, 60 + Math.floor(next() * 200)) : ''
			};
		}
	return answers;
}

function counts(size: number): [ExampleType, number][] {
	const notes = Math.round((size - FIXED_COUNT) * 0.6);
	return [...FIXED, ['case-note', notes], ['contact', size - FIXED_COUNT - notes]];
}

/** One case's records, valid by the domain's schemas. Fictional throughout. */
export function caseRecords(c: number, seed = 1): Record<string, unknown>[] {
	const caseId = caseIdOf(c);
	const next = random(seed * 1_000_003 + c);
	return counts(caseSize(c)).flatMap(([type, n]) =>
		Array.from({ length: n }, (_, i) =>
			exampleWith(type, (r) => {
				r.id = type === 'case' ? caseId : `${type}-${c}-${i}`.padEnd(8, '0');
				if (type !== 'case') r.caseId = caseId;
				if (type === 'participant') Object.assign(r, { name: `Person ${c * 4 + i}`, role: ROLES[i % 4] }, ROLES[i % 4] === 'supporter' ? { supportsParticipantId: `participant-${c}-0`.padEnd(8, '0') } : {});
				// Notes of 200–1,500 characters, most of them short.
				if (type === 'case-note') r.text = prose(c * 1_000 + i, 200 + Math.floor(next() ** 2 * 1_300));
				if (type === 'contact') r.summary = prose(c * 2_000 + i, 40 + Math.floor(next() * 300));
				if (type === 'risk-assessment') r.answers = checklistAnswers(c * 10 + i, ROLES[i % 4]!);
			})
		)
	);
}

/** A caseload of `count` records in whole cases from case 0 (the last one cut short if needed). */
export function caseload(count: number, seed = 1): Record<string, unknown>[] {
	const out: Record<string, unknown>[] = [];
	for (let c = 0; out.length < count; c++) out.push(...caseRecords(c, seed).slice(0, count - out.length));
	return out;
}

export const docIdOf = (r: Record<string, unknown>) => (r.type === 'case' ? caseDocId(r.id as string) : caseChildDocId(r.caseId as string, r.type as string, r.id as string));
