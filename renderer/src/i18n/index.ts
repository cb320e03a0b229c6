import { en, type Messages } from './en';

/** The language in use. A second language adds its file and picks it here. */
export const messages: Messages = en;
export type { Messages };
