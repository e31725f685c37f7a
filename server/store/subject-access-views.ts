/**
 * Finding a participant for a subject access request without reading every case: each
 * participant is indexed under the lower-cased words of their names and their prison number,
 * and each case under its reference. A search is then one prefix range of this view.
 */
export const SUBJECT_ACCESS_VIEWS = {
	'subject-search': {
		map: [
			'function (doc) {',
			"  if (doc.type === 'case' && doc.reference) { emit(String(doc.reference).toLowerCase(), null); }",
			"  if (doc.type !== 'participant') { return; }",
			"  var words = (String(doc.name || '') + ' ' + String(doc.preferredName || '')).toLowerCase().split(/[\\s()]+/);",
			"  var seen = {};",
			'  for (var i = 0; i < words.length; i++) {',
			"    var word = words[i].replace(/^[^a-z0-9\\u00c0-\\uffff]+|[^a-z0-9\\u00c0-\\uffff]+$/g, '');",
			'    if (word && !seen[word]) { seen[word] = true; emit(word, null); }',
			'  }',
			'  if (doc.prisonNumber) { emit(String(doc.prisonNumber).toLowerCase(), null); }',
			'}'
		].join('\n')
	}
};
