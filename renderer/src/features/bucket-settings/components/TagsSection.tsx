import { MAX_BUCKET_TAGS, TAG_ISSUE_RULES, checkTag, type BucketTag } from '@shared/bucket-tags';
import type { BucketRef } from '@shared/contract';
import { useCall } from '@renderer/api/use-call';
import { messages as m } from '@renderer/i18n';
import { rereadAfter, useBucketSetting } from '../api/use-bucket-setting';
import { useSettingDraft } from '../api/use-setting-draft';
import { ChangeReview, DoneNote, DraftForm, SettingSection, type Change, type DraftFormProps } from './SettingSection';

const t = m.bucketSettings.tags;

/** Old → new, tag by tag: added, removed, or a new value. */
export function tagChanges(before: readonly BucketTag[], after: readonly BucketTag[]): Change[] {
  const changes: Change[] = [];
  for (const old of before) {
    const now = after.find((tag) => tag.key === old.key);
    if (!now) changes.push({ label: old.key, from: old.value, to: `(${t.removed})` });
    else if (now.value !== old.value) changes.push({ label: old.key, from: old.value, to: now.value });
  }
  for (const tag of after) {
    if (!before.some((old) => old.key === tag.key)) changes.push({ label: tag.key, from: `(${t.added})`, to: tag.value });
  }
  return changes;
}

export function TagsSection({ bucketRef }: { bucketRef: BucketRef }) {
  const query = useBucketSetting('getBucketTagging', bucketRef);
  const edit = useSettingDraft<BucketTag[]>();
  const { draft, reviewing } = edit;
  const write = useCall('putBucketTagging', rereadAfter('getBucketTagging'));

  return (
    <SettingSection title={t.title} query={query}>
      {({ tags }) => {
        if (draft && reviewing) {
          return (
            <ChangeReview
              changes={tagChanges(tags, draft)}
              notes={draft.length === 0 && tags.length > 0 ? <p className="note">{t.removeAll}</p> : null}
              write={write}
              onBack={() => edit.setReviewing(false)}
              onApply={() => write.mutate({ ...bucketRef, tags: draft }, { onSuccess: edit.sent })}
            />
          );
        }
        if (draft) return <TagsForm draft={draft} onChange={edit.setDraft} onCancel={edit.cancel} onReview={() => edit.setReviewing(true)} />;
        return (
          <>
            {tags.length === 0 ? (
              <p>{m.bucketSettings.noneYet}</p>
            ) : (
              <table className="settings-table" aria-label={t.title}>
                <thead>
                  <tr>
                    <th scope="col">{t.key}</th>
                    <th scope="col">{t.value}</th>
                  </tr>
                </thead>
                <tbody>
                  {tags.map((tag) => (
                    <tr key={tag.key}>
                      <td>{tag.key}</td>
                      <td>{tag.value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <DoneNote shown={edit.done} />
            <button type="button" className="button" onClick={() => edit.start(tags.map((tag) => ({ ...tag })))}>
              {t.edit}
            </button>
          </>
        );
      }}
    </SettingSection>
  );
}

function TagsForm({ draft, onChange, onCancel, onReview }: DraftFormProps<BucketTag[]>) {
  const problems = draft.map((tag, index) =>
    checkTag(
      tag,
      draft.slice(0, index).map((other) => other.key),
    ).filter((r) => !r.ok),
  );
  const valid = problems.every((p) => p.length === 0) && draft.length <= MAX_BUCKET_TAGS;
  const set = (index: number, field: keyof BucketTag, value: string) => onChange(draft.map((tag, i) => (i === index ? { ...tag, [field]: value } : tag)));
  return (
    <DraftForm
      canReview={valid}
      onReview={onReview}
      onCancel={onCancel}
      actions={
        <button type="button" className="button" disabled={draft.length >= MAX_BUCKET_TAGS} onClick={() => onChange([...draft, { key: '', value: '' }])}>
          {t.add}
        </button>
      }
    >
      <p className="field__hint">{t.limits}</p>
      {draft.map((tag, index) => {
        const errorId = `tag-problem-${index}`;
        return (
          <div key={index} className="form__row tag-row">
            <input
              className="input"
              aria-label={t.keyOf(index + 1)}
              aria-invalid={problems[index].some((p) => p.rule.startsWith('key'))}
              aria-describedby={problems[index].length ? errorId : undefined}
              value={tag.key}
              onChange={(event) => set(index, 'key', event.target.value)}
              autoComplete="off"
            />
            <input
              className="input"
              aria-label={t.valueOf(index + 1)}
              aria-invalid={problems[index].some((p) => p.rule.startsWith('value'))}
              aria-describedby={problems[index].length ? errorId : undefined}
              value={tag.value}
              onChange={(event) => set(index, 'value', event.target.value)}
              autoComplete="off"
            />
            <button type="button" className="button button--small" onClick={() => onChange(draft.filter((_, i) => i !== index))}>
              {t.remove(tag.key)}
            </button>
            {problems[index].length ? (
              <p id={errorId} className="field__error">
                {problems[index].map((p) => m.errors.issues[TAG_ISSUE_RULES[p.rule]]).join(' ')}
              </p>
            ) : null}
          </div>
        );
      })}
      {draft.length > MAX_BUCKET_TAGS ? <p className="field__error">{t.tooMany}</p> : null}
    </DraftForm>
  );
}
