/**
 * Grantee ids for the x-cos-grant-* headers. A root account is its UIN; a sub-account is
 * `qcs::cam::uin/<owner>:uin/<sub>`. Users paste either spelling, bare or wrapped as `id="…"`;
 * which spellings the service accepts is unverified, so ids are sent as typed, each wrapped as `id="…"`.
 */
const ROOT_ID = /^\d{5,20}$/;
const SUB_ID = /^qcs::cam::uin\/\d{5,20}:uin\/\d{5,20}$/;
const WRAPPED = /^id="(.*)"$/;

export const MAX_GRANTEES = 20;

export function isValidGranteeId(id: string): boolean {
  return ROOT_ID.test(id) || SUB_ID.test(id);
}

export interface ParsedGrantees {
  ids: string[];
  invalid: string[];
}

/** Parses a comma-, space- or newline-separated list typed by the user. */
export function parseGrantees(text: string): ParsedGrantees {
  const ids: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    if (!raw) continue;
    const id = WRAPPED.exec(raw)?.[1] ?? raw;
    if (!isValidGranteeId(id)) invalid.push(raw);
    else if (!ids.includes(id)) ids.push(id);
  }
  return { ids, invalid };
}

export function granteeHeader(ids: readonly string[]): string {
  return ids.map((id) => `id="${id}"`).join(',');
}
