import { createContext, use } from 'react';

/** Opens the request log panel, at the entry of `requestId` when one is given. */
export type OpenRequestLog = (requestId?: string) => void;

export const RequestLogContext = createContext<OpenRequestLog | null>(null);

/** Null where no panel can be opened (a component shown on its own). */
export function useOpenRequestLog(): OpenRequestLog | null {
  return use(RequestLogContext);
}
