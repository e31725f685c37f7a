import type { SubjectExportDocument } from '../../src/lib/protocol/subject-access.js';

const escapeHtml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** JSON inside a script element: no "</script>" or comment opener can end it early. */
const embeddedJson = (value: unknown) =>
	JSON.stringify(value, null, 2).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; line-height: 1.5; color: #111; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid #333; padding-bottom: 0.2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.25rem; }
.meta { color: #333; }
article { break-inside: avoid; page-break-inside: avoid; margin-bottom: 1rem; }
dl { display: grid; grid-template-columns: minmax(9rem, 14rem) 1fr; gap: 0.2rem 1rem; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border: 1px solid #999; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; page-break-after: avoid; } }
`;

function section(heading: string, body: string): string {
	return `<section>\n<h2>${escapeHtml(heading)}</h2>\n${body}\n</section>`;
}

/**
 * The release copy as one self-contained, print-friendly page: no script runs, nothing is
 * fetched, and the same content is embedded as JSON for anyone who wants it by machine.
 */
export function renderSubjectAccessHtml(doc: SubjectExportDocument): string {
	const sections = doc.sections.map(({ heading, items }) =>
		section(
			heading,
			items.length === 0
				? '<p>We hold nothing of this kind about you.</p>'
				: items
						.map(
							(item) =>
								`<article>\n<h3>${escapeHtml(item.title)}, ${escapeHtml(item.date)}</h3>\n<p class="meta">Case ${escapeHtml(item.caseReference)}</p>\n<dl>\n${item.fields
									.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`)
									.join('\n')}\n</dl>\n</article>`
						)
						.join('\n')
		)
	);
	const access = section(
		'Who has looked at or changed your information',
		doc.access.length === 0
			? '<p>Our records show no one looking at or changing your information.</p>'
			: `<table>\n<thead><tr><th scope="col">When</th><th scope="col">Case</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Device</th><th scope="col">How</th></tr></thead>\n<tbody>\n${doc.access
					.map((l) => `<tr><td>${[l.when, l.caseReference, l.who, l.what, l.device, l.how].map(escapeHtml).join('</td><td>')}</td></tr>`)
					.join('\n')}\n</tbody>\n</table>`
	);
	return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(doc.title)}</h1>
<p class="meta">For ${escapeHtml(doc.name)}. Cases: ${escapeHtml(doc.caseReferences.join(', '))}. Produced on ${escapeHtml(doc.producedOn)}.</p>
<p>Where a record mentions someone else, their name is replaced by “[other person]” to protect their privacy.</p>
${sections.join('\n')}
${access}
</main>
<script type="application/json" id="subject-access-data">
${embeddedJson(doc)}
</script>
</body>
</html>
`;
}
