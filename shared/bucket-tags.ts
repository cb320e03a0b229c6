/**
 * Bucket tags (doc 8281, doc 31509): at most 50 a bucket, a key of 1 to 128 characters and a value of at most 256,
 * made of letters, digits, spaces and `+ - _ = . : / @`; keys starting with `qcs:` or `project` are reserved and
 * a key may appear once. The two documents disagree on `@` and on 127/128 (255/256): the form allows `@` and the
 * larger lengths, and COS has the last word. The emulator keeps its own copy of these rules.
 */
import type { RuleResult } from './bucket-name';
import { rule, type IssueRule } from './issue-rules';

export const MAX_BUCKET_TAGS = 50;
export const MAX_TAG_KEY_LENGTH = 128;
export const MAX_TAG_VALUE_LENGTH = 256;

export interface BucketTag {
  key: string;
  value: string;
}

export type TagRule = 'keyRequired' | 'keyLength' | 'keyChars' | 'keyReserved' | 'keyDuplicate' | 'valueLength' | 'valueChars';

/** Each tag rule's name among the issue rules, which the renderer words. */
export const TAG_ISSUE_RULES: Record<TagRule, IssueRule> = {
  keyRequired: rule('tag.key.required'),
  keyLength: rule('tag.key.length'),
  keyChars: rule('tag.key.chars'),
  keyReserved: rule('tag.key.reserved'),
  keyDuplicate: rule('tag.key.duplicate'),
  valueLength: rule('tag.value.length'),
  valueChars: rule('tag.value.chars'),
};

const ALLOWED = /^[\p{L}\p{N} +\-_=.:/@]*$/u;

function length(text: string): number {
  return [...text].length;
}

/** The rules one tag of a list meets or breaks; `others` are the list's other keys. */
export function checkTag(tag: BucketTag, others: readonly string[]): RuleResult<TagRule>[] {
  return [
    { rule: 'keyRequired', ok: tag.key.length > 0 },
    { rule: 'keyLength', ok: length(tag.key) <= MAX_TAG_KEY_LENGTH },
    { rule: 'keyChars', ok: ALLOWED.test(tag.key) },
    { rule: 'keyReserved', ok: !/^(qcs:|project)/i.test(tag.key) },
    { rule: 'keyDuplicate', ok: !others.includes(tag.key) },
    { rule: 'valueLength', ok: length(tag.value) <= MAX_TAG_VALUE_LENGTH },
    { rule: 'valueChars', ok: ALLOWED.test(tag.value) },
  ];
}

/** Every broken rule of a whole list, by the tag's place in it. */
export function checkTags(tags: readonly BucketTag[]): { index: number; rule: TagRule }[] {
  return tags.flatMap((tag, index) => {
    const others = tags.filter((_, i) => i !== index && i < index).map((t) => t.key);
    return checkTag(tag, others)
      .filter((r) => !r.ok)
      .map((r) => ({ index, rule: r.rule }));
  });
}
