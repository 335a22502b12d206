/** Name of the form field carrying the CSRF token; its own module so client forms can import it. */
export const CSRF_FIELD = 'csrfToken';
