import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPolicy, policyResourcePrefix, policyTemplates } from './bucket-policy';
import { putBucketPolicyInputSchema } from './settings-contract';

const BUCKET = 'photos-1250000000';
const REGION = 'ap-guangzhou';
const RESOURCE = 'qcs::cos:ap-guangzhou:uid/1250000000:photos-1250000000/';
const statement = (fields: Record<string, unknown> = {}) => ({
  Principal: { qcs: ['qcs::cam::uin/100000000001:uin/100000000011'] },
  Effect: 'allow',
  Action: ['name/cos:GetObject'],
  Resource: [`${RESOURCE}*`],
  ...fields,
});
const rules = (value: unknown) => checkPolicy(typeof value === 'string' ? value : JSON.stringify(value), BUCKET, REGION);

describe('checkPolicy', () => {
  it('accepts a documented policy, single strings for lists, deny and anyone', () => {
    expect(rules({ version: '2.0', Statement: [statement()] })).toEqual([]);
    expect(rules({ Statement: [statement({ Effect: 'Deny', Action: '*', Resource: RESOURCE, Principal: { qcs: 'qcs::cam::anyone:anyone' } })] })).toEqual([]);
    expect(policyResourcePrefix(BUCKET, REGION)).toBe(RESOURCE);
  });

  it('names what is wrong, and in which statement', () => {
    expect(rules('{')).toEqual([{ rule: 'json' }]);
    expect(rules('x'.repeat(20_001))).toEqual([{ rule: 'size' }]);
    expect(rules([])).toEqual([{ rule: 'statement' }]);
    expect(rules({ Statement: [] })).toEqual([{ rule: 'statement' }]);
    expect(rules({ Statement: [statement(), 'x'] })).toEqual([{ rule: 'statement', statement: 2 }]);
    expect(rules({ Statement: [statement({ Effect: 'permit' })] })).toEqual([{ rule: 'effect', statement: 1 }]);
    expect(rules({ Statement: [statement({ Principal: { qcs: ['uin/1'] } })] })).toEqual([{ rule: 'principal', statement: 1 }]);
    expect(rules({ Statement: [statement({ Principal: 'qcs::cam::anyone:anyone' })] })).toEqual([{ rule: 'principal', statement: 1 }]);
    expect(rules({ Statement: [statement({ Action: ['cos:GetObject'] })] })).toEqual([{ rule: 'action', statement: 1 }]);
    expect(rules({ Statement: [statement({ Action: [] })] })).toEqual([{ rule: 'action', statement: 1 }]);
    expect(rules({ Statement: [statement({ Resource: ['qcs::cos:ap-guangzhou:uid/1250000000:other-1250000000/*'] })] })).toEqual([
      { rule: 'resource', statement: 1 },
    ]);
    expect(rules({ Statement: [statement({ Resource: [`qcs::cos:ap-beijing:uid/1250000000:${BUCKET}/*`] })] })).toEqual([{ rule: 'resource', statement: 1 }]);
  });

  it('finds the public-read template valid as it is, and the sub-account one only once its <…> part is filled in', () => {
    const templates = policyTemplates(BUCKET, REGION, '100000000001');
    expect(rules(templates.publicReadPrefix)).toEqual([]);
    expect(rules(templates.readOnlySubAccount)).toEqual([{ rule: 'principal', statement: 1 }]);
    expect(rules(templates.readOnlySubAccount.replace('<sub-account-uin>', '100000000011'))).toEqual([]);
  });

  it('never throws, whatever the text, and the main process refuses exactly what the editor refuses', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ Statement: [v] }))), (text) => {
        const problems = checkPolicy(text, BUCKET, REGION);
        const parsed = putBucketPolicyInputSchema.safeParse({ bucket: BUCKET, region: REGION, policy: text });
        expect(parsed.success).toBe(text === '' || (problems.length === 0 && text.length <= 20_000));
      }),
    );
  });
});
