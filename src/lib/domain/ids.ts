/**
 * Document ids put a case's records under one prefix, so that one `_all_docs` key range
 * returns a whole case on the embedded store and on Apache CouchDB alike.
 */
export const CASE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{7,63}$/;

export function caseDocId(caseId: string): string {
	return `case:${caseId}`;
}

export function caseRecordRange(caseId: string): { startkey: string; endkey: string } {
	return { startkey: `case:${caseId}`, endkey: `case:${caseId}:\ufff0` };
}

/** A case's other documents sort under it: `case:<caseId>:<type>:<id>`. */
export function caseChildDocId(caseId: string, type: string, id: string): string {
	return `case:${caseId}:${type}:${id}`;
}

/** Service-wide documents (establishments, professionals, templates) sit outside every case range. */
export function serviceDocId(type: string, id: string): string {
	return `${type}:${id}`;
}

/**
 * `_all_docs` compares ids byte by byte, so the range of case "abcdefgh" also holds
 * "case:abcdefgh-2…" ('-' sorts before ':'). Filter every row of a range with this.
 */
export function belongsToCase(docId: string, caseId: string): boolean {
	return docId === caseDocId(caseId) || docId.startsWith(`${caseDocId(caseId)}:`);
}
