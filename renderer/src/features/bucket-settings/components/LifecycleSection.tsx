import { LIFECYCLE_ISSUE_RULES, LIFECYCLE_TEMPLATES, MAX_LIFECYCLE_RULES, checkLifecycle, type LifecycleRule } from '@shared/bucket-lifecycle';
import type { BucketRef } from '@shared/contract';
import { useCall } from '@renderer/api/use-call';
import { Field } from '@renderer/components/Field';
import { messages as m } from '@renderer/i18n';
import { rereadAfter, useBucketSetting } from '../api/use-bucket-setting';
import { useSettingDraft } from '../api/use-setting-draft';
import { ChangeReview, DoneNote, DraftForm, SettingSection, type Change, type DraftFormProps } from './SettingSection';

const t = m.bucketSettings.lifecycle;
type DaysField = 'expirationDays' | 'noncurrentExpirationDays' | 'abortUploadDays';

/** A rule in words: "Objects under logs/ expire 30 days after upload." */
export function describeLifecycleRule(r: LifecycleRule): string {
  const where = r.prefix ? t.under(r.prefix) : t.everywhere;
  const parts: string[] = [];
  if (r.transition) parts.push(t.moves(where, r.transition.storageClass, r.transition.days));
  if (r.expirationDays !== undefined) parts.push(t.expires(where, r.expirationDays));
  if (r.noncurrentExpirationDays !== undefined) parts.push(t.noncurrent(where, r.noncurrentExpirationDays));
  if (r.abortUploadDays !== undefined) parts.push(t.aborts(where, r.abortUploadDays));
  return `${parts.join(' ')}${r.enabled ? '' : ` ${t.disabledSuffix}`}`;
}

function lifecycleChanges(before: readonly LifecycleRule[], after: readonly LifecycleRule[]): Change[] {
  const changes: Change[] = [];
  const ids = [...new Set([...before.map((r) => r.id), ...after.map((r) => r.id)])];
  for (const id of ids) {
    const old = before.find((r) => r.id === id);
    const now = after.find((r) => r.id === id);
    const from = old ? describeLifecycleRule(old) : '';
    const to = now ? describeLifecycleRule(now) : '';
    if (from !== to) changes.push({ label: id, from, to });
  }
  return changes;
}

/** The lifecycle rules in words; added from templates, their prefix, days and status edited, or deleted. */
export function LifecycleSection({ bucketRef }: { bucketRef: BucketRef }) {
  const query = useBucketSetting('getBucketLifecycle', bucketRef);
  const edit = useSettingDraft<LifecycleRule[]>();
  const write = useCall('putBucketLifecycle', rereadAfter('getBucketLifecycle'));
  return (
    <SettingSection title={t.title} query={query}>
      {({ rules, beyondEditing }) => {
        const { draft } = edit;
        if (draft && edit.reviewing) {
          return (
            <ChangeReview
              changes={lifecycleChanges(rules, draft)}
              notes={draft.length === 0 ? <p className="note">{t.deleteAllNote}</p> : null}
              write={write}
              onBack={() => edit.setReviewing(false)}
              onApply={() => write.mutate({ ...bucketRef, rules: draft }, { onSuccess: edit.sent })}
            />
          );
        }
        if (draft) return <LifecycleForm draft={draft} onChange={edit.setDraft} onCancel={edit.cancel} onReview={() => edit.setReviewing(true)} />;
        return (
          <>
            {rules.length === 0 && !beyondEditing ? (
              <p>{m.bucketSettings.noneYet}</p>
            ) : (
              <ul aria-label={t.rulesLabel}>
                {rules.map((r) => (
                  <li key={r.id}>
                    <strong>{r.id}</strong>: {describeLifecycleRule(r)}
                  </li>
                ))}
              </ul>
            )}
            {beyondEditing ? <p className="note">{t.beyondEditing}</p> : null}
            <DoneNote shown={edit.done} />
            {beyondEditing ? null : (
              <div className="form__actions">
                <button type="button" className="button" onClick={() => edit.start(rules.map((r) => ({ ...r })))}>
                  {t.edit}
                </button>
              </div>
            )}
          </>
        );
      }}
    </SettingSection>
  );
}

function LifecycleForm({ draft, onChange, onCancel, onReview }: DraftFormProps<LifecycleRule[]>) {
  const problems = checkLifecycle(draft);
  const set = (index: number, patch: Partial<LifecycleRule>) => onChange(draft.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const number = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN);
  const addTemplate = (template: LifecycleRule) => {
    let id = template.id;
    for (let n = 2; draft.some((r) => r.id === id); n += 1) id = `${template.id}-${n}`;
    onChange([...draft, { ...template, id, ...(template.transition ? { transition: { ...template.transition } } : {}) }]);
  };
  const daysFields: [DaysField, (n: number) => string][] = [
    ['expirationDays', t.expireDaysOf],
    ['noncurrentExpirationDays', t.noncurrentDaysOf],
    ['abortUploadDays', t.abortDaysOf],
  ];
  return (
    <DraftForm canReview={problems.length === 0} onReview={onReview} onCancel={onCancel}>
      {draft.map((r, index) => {
        const n = index + 1;
        const mine = problems.filter((p) => p.index === index).map((p) => m.errors.issues[LIFECYCLE_ISSUE_RULES[p.rule]]);
        return (
          <fieldset key={index} className="fieldset">
            <legend className="fieldset__legend">{t.ruleN(n)}</legend>
            <div className="form__row">
              <Field label={t.idOf(n)}>{(control) => <input {...control} className="input" value={r.id} onChange={(e) => set(index, { id: e.target.value })} />}</Field>
              <Field label={t.prefixOf(n)} hint={t.prefixHint}>
                {(control) => <input {...control} className="input input--mono" value={r.prefix} onChange={(e) => set(index, { prefix: e.target.value })} />}
              </Field>
            </div>
            <label className="radio">
              <input type="checkbox" checked={r.enabled} onChange={(e) => set(index, { enabled: e.target.checked })} /> {t.enabledOf(n)}
            </label>
            <div className="form__row">
              {r.transition ? (
                <Field label={t.moveDaysOf(n, r.transition.storageClass)}>
                  {(control) => (
                    <input
                      {...control}
                      className="input"
                      inputMode="numeric"
                      value={Number.isNaN(r.transition!.days) ? '' : String(r.transition!.days)}
                      onChange={(e) => set(index, { transition: { ...r.transition!, days: number(e.target.value) } })}
                    />
                  )}
                </Field>
              ) : null}
              {daysFields.map(([field, label]) =>
                r[field] === undefined ? null : (
                  <Field key={field} label={label(n)}>
                    {(control) => (
                      <input
                        {...control}
                        className="input"
                        inputMode="numeric"
                        value={Number.isNaN(r[field]) ? '' : String(r[field])}
                        onChange={(e) => set(index, { [field]: number(e.target.value) })}
                      />
                    )}
                  </Field>
                ),
              )}
            </div>
            {mine.length ? <p className="field__error">{mine.join(' ')}</p> : null}
            <p className="field__hint">{describeLifecycleRule(r)}</p>
            <button type="button" className="button button--small" onClick={() => onChange(draft.filter((_, i) => i !== index))}>
              {t.removeRule(n)}
            </button>
          </fieldset>
        );
      })}
      <div className="template-actions">
        {(Object.keys(LIFECYCLE_TEMPLATES) as (keyof typeof LIFECYCLE_TEMPLATES)[]).map((name) => (
          <button key={name} type="button" className="button button--small" disabled={draft.length >= MAX_LIFECYCLE_RULES} onClick={() => addTemplate(LIFECYCLE_TEMPLATES[name])}>
            {t.templates[name]}
          </button>
        ))}
      </div>
    </DraftForm>
  );
}
