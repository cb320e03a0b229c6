import { useId } from 'react';
import { MAX_POLICY_LENGTH, POLICY_ISSUE_RULES, checkPolicy, policyTemplates } from '@shared/bucket-policy';
import type { BucketRef } from '@shared/contract';
import { useCall } from '@renderer/api/use-call';
import { messages as m } from '@renderer/i18n';
import { rereadAfter, useBucketSetting } from '../api/use-bucket-setting';
import { useSettingDraft } from '../api/use-setting-draft';
import { ChangeReview, DoneNote, DraftForm, SettingSection } from './SettingSection';

const t = m.bucketSettings.policy;

/** The owner's UIN from the ACL's owner id (`qcs::cam::uin/<uin>:uin/<uin>`), to fill in a template. */
function ownerUin(ownerId: string | undefined): string | undefined {
  return ownerId ? /^qcs::cam::uin\/(\d+):/.exec(ownerId)?.[1] : undefined;
}

/** The bucket policy as JSON, edited with its shape checked as it is typed; saved whole or deleted. */
export function PolicySection({ bucketRef }: { bucketRef: BucketRef }) {
  const query = useBucketSetting('getBucketPolicy', bucketRef);
  const acl = useBucketSetting('getBucketAcl', bucketRef);
  const edit = useSettingDraft<string>();
  const { draft, setDraft } = edit;
  const write = useCall('putBucketPolicy', rereadAfter('getBucketPolicy'));
  const editorId = useId();
  const problemsId = useId();

  return (
    <SettingSection title={t.title} query={query}>
      {({ policy }) => {
        if (draft !== null && edit.reviewing) {
          return (
            <ChangeReview
              changes={[{ label: t.title, from: policy ?? '', to: draft }]}
              notes={draft === '' ? <p className="note">{t.deleteNote}</p> : null}
              write={write}
              onBack={() => edit.setReviewing(false)}
              onApply={() => write.mutate({ ...bucketRef, policy: draft }, { onSuccess: edit.sent })}
            />
          );
        }
        if (draft !== null) {
          const problems = draft === '' ? [] : checkPolicy(draft, bucketRef.bucket, bucketRef.region);
          const templates = policyTemplates(bucketRef.bucket, bucketRef.region, ownerUin(acl.data?.owner.id));
          return (
            <DraftForm canReview={problems.length === 0 && draft !== (policy ?? '')} onReview={() => edit.setReviewing(true)} onCancel={edit.cancel}>
              <div className="template-actions">
                <button type="button" className="button button--small" onClick={() => setDraft(templates.publicReadPrefix)}>
                  {t.templatePublicRead}
                </button>
                <button type="button" className="button button--small" onClick={() => setDraft(templates.readOnlySubAccount)}>
                  {t.templateReadOnly}
                </button>
              </div>
              <label htmlFor={editorId} className="field__label">
                {t.editor}
              </label>
              <textarea
                id={editorId}
                className="input input--mono policy-editor"
                value={draft}
                maxLength={MAX_POLICY_LENGTH}
                spellCheck={false}
                aria-invalid={problems.length > 0}
                aria-describedby={problems.length ? problemsId : undefined}
                onChange={(event) => setDraft(event.target.value)}
              />
              <p className="field__hint">{t.hint}</p>
              {problems.length ? (
                <ul id={problemsId} className="field__error">
                  {problems.map((p, i) => (
                    <li key={i}>
                      {p.statement ? `${t.statement(p.statement)} ` : ''}
                      {m.errors.issues[POLICY_ISSUE_RULES[p.rule]]}
                    </li>
                  ))}
                </ul>
              ) : null}
            </DraftForm>
          );
        }
        return (
          <>
            {policy === null ? <p>{m.bucketSettings.noneYet}</p> : <pre className="policy-view">{policy}</pre>}
            <DoneNote shown={edit.done} />
            <div className="form__actions">
              <button type="button" className="button" onClick={() => edit.start(policy ?? '')}>
                {policy === null ? t.add : t.edit}
              </button>
              {policy !== null ? (
                <button
                  type="button"
                  className="button button--danger-quiet"
                  onClick={() => edit.start('', true)}
                >
                  {t.delete}
                </button>
              ) : null}
            </div>
          </>
        );
      }}
    </SettingSection>
  );
}
