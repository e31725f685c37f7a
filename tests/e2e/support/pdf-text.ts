import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPageText {
	/** Everything on the page, in reading order, with runs of spaces collapsed. */
	all: string;
	/** Text in the top and bottom margins: the page header and footer. */
	header: string;
	footer: string;
}

const collapse = (parts: string[]) => parts.join(' ').replace(/\s+/g, ' ').trim();

/** Reads each page's text from a PDF; `marginPt` is how far from the edge counts as header or footer. */
export async function pdfPages(pdf: Buffer, marginPt = 45): Promise<PdfPageText[]> {
	const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
	const pages: PdfPageText[] = [];
	for (let n = 1; n <= doc.numPages; n++) {
		const page = await doc.getPage(n);
		const height = page.view[3]!;
		const items = (await page.getTextContent()).items.flatMap((item) => ('str' in item ? [{ text: item.str, y: item.transform[5] as number }] : []));
		pages.push({
			all: collapse(items.map((i) => i.text)),
			header: collapse(items.filter((i) => i.y > height - marginPt).map((i) => i.text)),
			footer: collapse(items.filter((i) => i.y < marginPt).map((i) => i.text))
		});
	}
	await doc.destroy();
	return pages;
}
