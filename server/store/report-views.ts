/**
 * Report views: each emits a small vector of counts under [referral source, day], once with the
 * case's own source and once under '*' for every source, and `_sum` adds the vectors together
 * (both Apache CouchDB 3 and PouchDB sum number arrays element by element). A report is then one
 * range query per view, whatever the number of cases. The positions are read in report-service.ts.
 */

/** Case vector: 0 referred, 1 contacted, 2 assessed, 3 communication, 4 indirect, 5 direct, 6 outcome,
 * 7 closed, 8–13 closed for each exit reason, 14–23 [days, stays] for each stage before closed. */
const REPORT_CASES = `function (doc) {
	if (doc.type !== 'case' || typeof doc.createdAt !== 'string') return;
	var order = ['referral', 'initial-contact', 'assessment', 'communication', 'outcome', 'closed'];
	var exits = ['completed', 'withdrawn-by-harmed-person', 'withdrawn-by-person-responsible', 'unsuitable', 'unable-to-contact', 'other'];
	var history = doc.stageHistory || [];
	var reached = doc.stage === 'closed' ? 0 : order.indexOf(doc.stage);
	var mode = null;
	var v = [];
	for (var z = 0; z < 24; z++) v.push(0);
	var previous = { stage: 'referral', at: doc.createdAt };
	for (var i = 0; i < history.length; i++) {
		var entry = history[i];
		var index = order.indexOf(entry.stage);
		if (index < 5 && index > reached) reached = index;
		if (entry.mode) mode = entry.mode;
		var from = order.indexOf(previous.stage);
		var days = (Date.parse(entry.at) - Date.parse(previous.at)) / 86400000;
		if (from >= 0 && from < 5 && days >= 0) { v[14 + from * 2] += days; v[15 + from * 2] += 1; }
		previous = entry;
	}
	v[0] = 1;
	if (reached >= 1) v[1] = 1;
	if (reached >= 2) v[2] = 1;
	if (reached >= 3) { v[3] = 1; if (mode === 'indirect') v[4] = 1; if (mode === 'direct') v[5] = 1; }
	if (reached >= 4) v[6] = 1;
	if (doc.status === 'closed') { v[7] = 1; var exit = exits.indexOf(doc.exitReason); if (exit >= 0) v[8 + exit] = 1; }
	var day = doc.createdAt.slice(0, 10);
	emit([doc.referralSource, day], v);
	emit(['*', day], v);
}`;

/** Referral vector: 0 received, 1 new, 2 accepted, 3 declined, 4–9 declined for each decline reason. */
const REPORT_REFERRALS = `function (doc) {
	if (doc.type !== 'referral' || typeof doc.receivedAt !== 'string') return;
	var reasons = ['duplicate', 'outside-criteria', 'no-consent', 'unable-to-contact', 'withdrawn', 'other'];
	var v = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
	if (doc.status === 'new') v[1] = 1;
	if (doc.status === 'accepted') v[2] = 1;
	if (doc.status === 'declined') {
		v[3] = 1;
		var reason = reasons.indexOf(doc.decision && doc.decision.reason);
		if (reason >= 0) v[4 + reason] = 1;
	}
	var source = doc.kind === 'self' ? 'self' : doc.details && doc.details.referralSource;
	var day = doc.receivedAt.slice(0, 10);
	emit([source, day], v);
	emit(['*', day], v);
}`;

/** Feedback vector: 0 responses, 1 satisfied (4 or 5), 2–6 responses scoring 1 to 5. The server
 * copies the case's referral source into feedback as it arrives; feedback stored before that has
 * none, so it counts under '*' (all sources) only and never under a source it may not belong to. */
const REPORT_FEEDBACK = `function (doc) {
	if (doc.type !== 'feedback' || typeof doc.receivedAt !== 'string' || typeof doc.satisfaction !== 'number') return;
	var v = [1, doc.satisfaction >= 4 ? 1 : 0, 0, 0, 0, 0, 0];
	if (doc.satisfaction >= 1 && doc.satisfaction <= 5) v[1 + doc.satisfaction] = 1;
	var day = doc.receivedAt.slice(0, 10);
	if (typeof doc.referralSource === 'string') emit([doc.referralSource, day], v);
	emit(['*', day], v);
}`;

export const REPORT_VIEWS = {
	'report-cases': { map: REPORT_CASES, reduce: '_sum' },
	'report-referrals': { map: REPORT_REFERRALS, reduce: '_sum' },
	'report-feedback': { map: REPORT_FEEDBACK, reduce: '_sum' }
};
