/**
 * CORS rules (doc 8279): at most 100 a bucket; each allows one or more origins (`*`, or scheme://host[:port] with
 * at most one `*` anywhere), one or more of GET PUT POST DELETE HEAD, request headers (`*` allowed), response
 * headers to expose (`*` not allowed) and an optional max age in seconds.
 */
import type { RuleResult } from './bucket-name';
import { rule, type IssueRule } from './issue-rules';

export const MAX_CORS_RULES = 100;
export const CORS_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'] as const;
export type CorsMethod = (typeof CORS_METHODS)[number];
/** The longest max age the form takes: a day's worth of seconds times 365 is far beyond what browsers keep. */
export const MAX_CORS_AGE = 2_147_483_647;

export interface CorsRule {
  allowedOrigins: string[];
  allowedMethods: CorsMethod[];
  allowedHeaders: string[];
  exposeHeaders: string[];
  maxAgeSeconds?: number;
}

export type CorsRuleName = 'origins' | 'origin' | 'methods' | 'header' | 'exposeHeader' | 'maxAge';

export const CORS_ISSUE_RULES: Record<CorsRuleName, IssueRule> = {
  origins: rule('cors.origins'),
  origin: rule('cors.origin'),
  methods: rule('cors.methods'),
  header: rule('cors.header'),
  exposeHeader: rule('cors.exposeHeader'),
  maxAge: rule('cors.maxAge'),
};

const ORIGIN = /^(\*|[a-z][a-z0-9+.-]*:\/\/[A-Za-z0-9*.-]+(:\d{1,5})?)$/;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function isCorsOrigin(origin: string): boolean {
  return ORIGIN.test(origin) && origin.split('*').length <= 2;
}

export function checkCorsRule(r: CorsRule): RuleResult<CorsRuleName>[] {
  return [
    { rule: 'origins', ok: r.allowedOrigins.length > 0 },
    { rule: 'origin', ok: r.allowedOrigins.every(isCorsOrigin) },
    { rule: 'methods', ok: r.allowedMethods.length > 0 },
    { rule: 'header', ok: r.allowedHeaders.every((h) => TOKEN.test(h)) },
    { rule: 'exposeHeader', ok: r.exposeHeaders.every((h) => TOKEN.test(h) && !h.includes('*')) },
    {
      rule: 'maxAge',
      ok: r.maxAgeSeconds === undefined || (Number.isInteger(r.maxAgeSeconds) && r.maxAgeSeconds >= 0 && r.maxAgeSeconds <= MAX_CORS_AGE),
    },
  ];
}

/** A list typed one entry per line (or comma-separated), blanks dropped. */
export function splitList(text: string): string[] {
  return text
    .split(/[\n,]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}
