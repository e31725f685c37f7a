export const SCREEN_THEMES = ['standard', 'dark-room'] as const;
export type ScreenTheme = (typeof SCREEN_THEMES)[number];

const STORAGE_KEY = 'tandem.screenTheme';

function saved(): ScreenTheme {
	return globalThis.localStorage?.getItem(STORAGE_KEY) === 'dark-room' ? 'dark-room' : 'standard';
}

/**
 * The screen's colours, chosen per tablet like the lock time: standard, or dark room for dim
 * visits halls. Kept outside the vault because it holds nothing about anyone, so the locked
 * screens follow it too.
 */
class ScreenThemeSetting {
	theme = $state<ScreenTheme>(saved());

	set(theme: ScreenTheme): void {
		this.theme = theme;
		localStorage.setItem(STORAGE_KEY, theme);
		this.apply();
	}

	apply(): void {
		if (this.theme === 'dark-room') document.documentElement.dataset.theme = 'dark-room';
		else delete document.documentElement.dataset.theme;
	}
}

export const screenTheme = new ScreenThemeSetting();
