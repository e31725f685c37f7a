import * as v from 'valibot';
import { CASE_ID_PATTERN } from './ids.js';

/** A moment, as an ISO 8601 timestamp with a zone, e.g. 2026-10-01T09:00:00.000Z. */
export const isoDateTime = v.pipe(
	v.string('Enter a date and time'),
	v.isoTimestamp('Enter a date and time in ISO 8601 form')
);

/** A calendar day, e.g. 2026-10-01. */
export const isoDate = v.pipe(v.string('Enter a date'), v.isoDate('Enter a date like 2026-10-01'));

/** Record ids share the case id's alphabet so they can sit inside a document id. */
export const recordId = v.pipe(
	v.string('Enter an id'),
	v.regex(CASE_ID_PATTERN, 'Use an id of 8 to 64 lower-case letters, digits or dashes')
);

export const caseId = v.pipe(
	v.string('Enter a case id'),
	v.regex(CASE_ID_PATTERN, 'Use a case id of 8 to 64 lower-case letters, digits or dashes')
);

/** A user id (facilitator, coordinator, administrator). */
export const userId = (message = 'Choose a person') =>
	v.pipe(v.string(message), v.minLength(1, message));

/** Text a person must fill in; trimmed first, so spaces alone do not count. */
export const requiredText = (message: string, max = 2_000) =>
	v.pipe(v.string(message), v.trim(), v.minLength(1, message), v.maxLength(max, `Keep this under ${max} characters`));

/** Text that may be left empty. */
export const optionalText = (max = 20_000) =>
	v.pipe(v.string('Enter text'), v.maxLength(max, `Keep this under ${max} characters`));

/** The fields every stored document has: who wrote it, and when it was made and last changed. */
export const documentFields = {
	id: recordId,
	createdAt: isoDateTime,
	updatedAt: isoDateTime,
	createdBy: userId('Record who wrote this')
};

/** Documents that belong to one case also carry its id, which prefixes their document id. */
export const caseDocumentFields = { ...documentFields, caseId };

