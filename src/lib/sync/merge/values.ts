/** A stored document as plain JSON data: what the merge reads and writes. */
export type Doc = Readonly<Record<string, unknown>>;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep equality of JSON values; key order does not matter and a missing key equals undefined. */
export function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (Array.isArray(a) || Array.isArray(b)) {
		return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
	}
	if (!isPlainObject(a) || !isPlainObject(b)) return false;
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	return [...keys].every((key) => sameValue(a[key], b[key]));
}

/** Distinct values in first-seen order. */
export function distinct<T>(values: readonly T[], same: (a: T, b: T) => boolean = sameValue): T[] {
	const kept: T[] = [];
	for (const value of values) if (!kept.some((k) => same(k, value))) kept.push(value);
	return kept;
}

/** A copy without keys whose value is undefined, so an absent field stays absent. */
export function compact(doc: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(doc).filter(([, value]) => value !== undefined));
}

/** A stable text form for ordering values deterministically whatever their key order. */
export function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (isPlainObject(value)) {
		const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
		return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
	}
	return value === undefined ? '' : JSON.stringify(value);
}
