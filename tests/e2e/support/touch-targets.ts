import type { Page } from '@playwright/test';

/**
 * Every visible button, link and form control smaller than 44x44 CSS px, described for a test
 * failure. Exempt: a link inside running text (a paragraph or list item with more words than the
 * link), and a radio or checkbox whose label is the 44px target (the input itself may be hidden).
 */
export async function smallTouchTargets(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const MIN = 44;
		const big = (el: Element) => {
			const r = el.getBoundingClientRect();
			return r.width >= MIN - 0.5 && r.height >= MIN - 0.5;
		};
		const describe = (el: Element) => {
			const r = el.getBoundingClientRect();
			const name = (el.getAttribute('aria-label') ?? el.textContent ?? (el as HTMLInputElement).name ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
			return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${name}" ${Math.round(r.width)}x${Math.round(r.height)}`;
		};
		const labelOf = (input: HTMLInputElement) => input.closest('label') ?? (input.id ? document.querySelector(`label[for="${CSS.escape(input.id)}"]`) : null);
		const controls = document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"]');
		const small: string[] = [];
		for (const el of controls) {
			if (!el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true })) continue;
			if (el.closest('.visually-hidden')) continue;
			if (big(el)) continue;
			if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
				const label = labelOf(el);
				if (label && big(label)) continue;
			}
			if (el instanceof HTMLAnchorElement) {
				const text = el.closest('p, li, dd, td');
				if (text && (text.textContent ?? '').trim().length > (el.textContent ?? '').trim().length + 3) continue;
			}
			const r = el.getBoundingClientRect();
			if (r.width <= 1 && r.height <= 1) {
				// A control hidden to the eye (1px) is only a problem if nothing bigger stands for it.
				const label = el instanceof HTMLInputElement ? labelOf(el) : null;
				if (label && big(label)) continue;
			}
			small.push(describe(el));
		}
		return small;
	});
}
