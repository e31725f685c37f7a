import type { FieldProblem } from './validation.js';

type Doc = Record<string, unknown>;

/**
 * Fields that say who did something, as paths into a record. Whoever sets one through a change is
 * the person it names: a device cannot write in a colleague's name (a letter "reviewed" by someone
 * else, a note "written" by someone else).
 */
const AUTHORSHIP: readonly (readonly string[])[] = [['createdBy'], ['updatedBy'], ['reviewedBy'], ['decision', 'decidedBy']];

const at = (doc: Doc | undefined, path: readonly string[]): unknown =>
	path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Doc)[key] : undefined), doc);

/**
 * Problems when a change from `before` (absent for a new record) to `after`, made by `userId`, sets
 * an authorship field to anyone else. Fields the change leaves as they were are not its doing;
 * `chosen` lists paths a person settled from values kept in a conflict, which were someone's already.
 */
export function authorshipProblems(before: Doc | undefined, after: Doc, userId: string, chosen: readonly string[] = []): FieldProblem[] {
	return AUTHORSHIP.flatMap((path) => {
		const [name, value] = [path.join('.'), at(after, path)];
		if (value === undefined || value === at(before, path) || value === userId || chosen.includes(name)) return [];
		return [{ path: name, message: 'A record can only name the person signed in as the one who did this' }];
	});
}
