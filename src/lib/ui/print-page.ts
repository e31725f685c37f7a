/** A CSS string literal: quotes and backslashes escaped, line breaks flattened. */
export function cssString(text: string): string {
	return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]+/g, ' ')}"`;
}

export interface PrintMargins {
	topLeft: string;
	topRight: string;
	bottomLeft: string;
}

/**
 * A4 pages whose margins carry the same lines on every printed page (the browser's page-margin
 * boxes), so each sheet can be matched to its record even when the pages are separated.
 */
export function printPageCss(m: PrintMargins): string {
	const box = (content: string, align: string) => `content: ${content}; font: 9pt system-ui, sans-serif; font-variant-ligatures: none; font-feature-settings: "liga" 0, "clig" 0; letter-spacing: 0.01em; color: #000; text-align: ${align};`;
	return `@page { size: A4; margin: 20mm 15mm 18mm 15mm;
	@top-left { ${box(cssString(m.topLeft), 'left')} }
	@top-right { ${box(cssString(m.topRight), 'right')} }
	@bottom-left { ${box(cssString(m.bottomLeft), 'left')} }
	@bottom-right { ${box('"Page " counter(page) " of " counter(pages)', 'right')} }
}`;
}

/** Adds the page rules to the document while a printable screen is open; returns how to take them away. */
export function applyPrintPage(css: string): () => void {
	const style = document.createElement('style');
	style.dataset.print = 'page';
	style.textContent = css;
	document.head.append(style);
	return () => style.remove();
}
