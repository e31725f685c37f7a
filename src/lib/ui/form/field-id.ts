/** A form field's element id from the path the server names it by: `referrer.email` → `referrer-email`. */
export const fieldId = (path: string) => path.replaceAll('.', '-');
