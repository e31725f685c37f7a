/** What a sealed value looks like at rest: AES-GCM ciphertext and the IV it was made with. */
export interface Sealed {
	iv: Uint8Array;
	data: ArrayBuffer;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Encrypts a JSON value with AES-GCM. The IV is fresh for every call (never reused with a key),
 * and `context` — e.g. the table, record id and type — is bound as additional data, so a
 * ciphertext moved onto another record fails to open instead of showing the wrong contents.
 */
export async function seal(key: CryptoKey, context: string, value: unknown): Promise<Sealed> {
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const data = await crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
		key,
		encoder.encode(JSON.stringify(value))
	);
	return { iv, data };
}

/** Decrypts what `seal` made. Rejects if the key, the context or a single byte differs. */
export async function unseal<T>(key: CryptoKey, context: string, sealed: Sealed): Promise<T> {
	const plain = await crypto.subtle.decrypt(
		{ name: 'AES-GCM', iv: sealed.iv as Uint8Array<ArrayBuffer>, additionalData: encoder.encode(context) },
		key,
		sealed.data
	);
	return JSON.parse(decoder.decode(plain)) as T;
}

export function isSealed(value: unknown): value is Sealed {
	return (
		typeof value === 'object' &&
		value !== null &&
		(value as Sealed).iv instanceof Uint8Array &&
		(value as Sealed).data instanceof ArrayBuffer
	);
}
