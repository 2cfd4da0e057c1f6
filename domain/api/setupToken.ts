/** The query parameter of the URL the browser host prints, carrying its setup token to the page. */
export const setupTokenParam = 'setup';

/** The header a page or program proves with that it holds the host's setup token. */
export const setupTokenHeader = 'X-Desk-Setup-Token';
