import type { DeviceRegistration } from '../protocol/auth.js';

const STORAGE_KEY = 'tandem-device-id';

function describeBrowser(userAgent: string): string {
	const kind = /iPad|Tablet|Android(?!.*Mobile)/i.test(userAgent) ? 'Tablet' : /Mobile|iPhone/i.test(userAgent) ? 'Phone' : 'Computer';
	const browser = /Edg\//.test(userAgent) ? 'Edge' : /Firefox\//.test(userAgent) ? 'Firefox' : /Chrome\/|Chromium\//.test(userAgent) ? 'Chrome' : /Safari\//.test(userAgent) ? 'Safari' : 'a browser';
	return `${kind} (${browser})`;
}

/**
 * This browser's device id, made once and kept: it names the tablet at sign-in, in the audit log
 * and in every change it sends. Clearing the site's data makes a new device, as it should.
 */
export function deviceIdentity(): DeviceRegistration {
	let id = localStorage.getItem(STORAGE_KEY);
	if (!id) {
		id = crypto.randomUUID();
		localStorage.setItem(STORAGE_KEY, id);
	}
	return { id, label: describeBrowser(navigator.userAgent) };
}
