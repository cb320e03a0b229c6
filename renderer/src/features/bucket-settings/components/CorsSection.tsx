import { CORS_ISSUE_RULES, CORS_METHODS, MAX_CORS_RULES, checkCorsRule, splitList, type CorsMethod, type CorsRule } from '@shared/bucket-cors';
import type { BucketRef } from '@shared/contract';
import { useCall } from '@renderer/api/use-call';
import { Field } from '@renderer/components/Field';
import { messages as m } from '@renderer/i18n';
import { rereadAfter, useBucketSetting } from '../api/use-bucket-setting';
import { useSettingDraft } from '../api/use-setting-draft';
import { ChangeReview, DoneNote, DraftForm, SettingSection, type Change, type DraftFormProps } from './SettingSection';

const t = m.bucketSettings.cors;

/** A rule as the form edits it: lists as typed text, max age as typed. */
interface DraftRule {
  origins: string;
  methods: CorsMethod[];
  headers: string;
  expose: string;
  maxAge: string;
}

const toDraft = (r: CorsRule): DraftRule => ({
  origins: r.allowedOrigins.join('\n'),
  methods: [...r.allowedMethods],
  headers: r.allowedHeaders.join('\n'),
  expose: r.exposeHeaders.join('\n'),
  maxAge: r.maxAgeSeconds === undefined ? '' : String(r.maxAgeSeconds),
});

export function fromDraft(d: DraftRule): CorsRule {
  const age = d.maxAge.trim();
  return {
    allowedOrigins: splitList(d.origins),
    allowedMethods: d.methods,
    allowedHeaders: splitList(d.headers),
    exposeHeaders: splitList(d.expose),
    ...(age === '' ? {} : { maxAgeSeconds: /^\d+$/.test(age) ? Number(age) : NaN }),
  };
}

/** One line per rule, in words. */
export function describeRule(r: CorsRule): string {
  const parts = [`${r.allowedMethods.join(', ')} ${t.fromOrigins} ${r.allowedOrigins.join(', ')}`];
  if (r.allowedHeaders.length) parts.push(`${t.headers}: ${r.allowedHeaders.join(', ')}`);
  if (r.exposeHeaders.length) parts.push(`${t.expose}: ${r.exposeHeaders.join(', ')}`);
  if (r.maxAgeSeconds !== undefined) parts.push(`${t.maxAge}: ${r.maxAgeSeconds}`);
  return parts.join('; ');
}

function corsChanges(before: readonly CorsRule[], after: readonly CorsRule[]): Change[] {
  const changes: Change[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i += 1) {
    const from = before[i] ? describeRule(before[i]) : '';
    const to = after[i] ? describeRule(after[i]) : '';
    if (from !== to) changes.push({ label: t.ruleN(i + 1), from, to });
  }
  return changes;
}

/** CORS rules as a table; edited rule by rule with each field checked, or all deleted. */
export function CorsSection({ bucketRef }: { bucketRef: BucketRef }) {
  const query = useBucketSetting('getBucketCors', bucketRef);
  const edit = useSettingDraft<DraftRule[]>();
  const write = useCall('putBucketCors', rereadAfter('getBucketCors'));
  return (
    <SettingSection title={t.title} query={query}>
      {({ rules }) => {
        const { draft } = edit;
        if (draft && edit.reviewing) {
          const next = draft.map(fromDraft);
          return (
            <ChangeReview
              changes={corsChanges(rules, next)}
              notes={next.length === 0 ? <p className="note">{t.deleteAllNote}</p> : null}
              write={write}
              onBack={() => edit.setReviewing(false)}
              onApply={() => write.mutate({ ...bucketRef, rules: next }, { onSuccess: edit.sent })}
            />
          );
        }
        if (draft) return <CorsForm draft={draft} onChange={edit.setDraft} onCancel={edit.cancel} onReview={() => edit.setReviewing(true)} />;
        return (
          <>
            {rules.length === 0 ? (
              <p>{m.bucketSettings.noneYet}</p>
            ) : (
              <table className="settings-table" aria-label={t.title}>
                <thead>
                  <tr>
                    <th scope="col">{t.origins}</th>
                    <th scope="col">{t.methods}</th>
                    <th scope="col">{t.headers}</th>
                    <th scope="col">{t.expose}</th>
                    <th scope="col">{t.maxAge}</th>
                  </tr>
                </thead>
                <tbody>
                  {rules.map((r, i) => (
                    <tr key={i}>
                      <td>{r.allowedOrigins.join('\n')}</td>
                      <td>{r.allowedMethods.join(', ')}</td>
                      <td>{r.allowedHeaders.join('\n')}</td>
                      <td>{r.exposeHeaders.join('\n')}</td>
                      <td>{r.maxAgeSeconds ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <DoneNote shown={edit.done} />
            <div className="form__actions">
              <button type="button" className="button" onClick={() => edit.start(rules.map(toDraft))}>
                {t.edit}
              </button>
              {rules.length > 0 ? (
                <button type="button" className="button button--danger-quiet" onClick={() => edit.start([], true)}>
                  {t.deleteAll}
                </button>
              ) : null}
            </div>
          </>
        );
      }}
    </SettingSection>
  );
}

function CorsForm({ draft, onChange, onCancel, onReview }: DraftFormProps<DraftRule[]>) {
  const problems = draft.map((d) => checkCorsRule(fromDraft(d)).filter((r) => !r.ok));
  const valid = problems.every((p) => p.length === 0);
  const set = (index: number, patch: Partial<DraftRule>) => onChange(draft.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const problem = (index: number, ...names: string[]) => {
    const found = problems[index].filter((p) => names.includes(p.rule));
    return found.length ? found.map((p) => m.errors.issues[CORS_ISSUE_RULES[p.rule]]).join(' ') : undefined;
  };
  return (
    <DraftForm
      canReview={valid}
      onReview={onReview}
      onCancel={onCancel}
      actions={
        <button
          type="button"
          className="button"
          disabled={draft.length >= MAX_CORS_RULES}
          onClick={() => onChange([...draft, { origins: '', methods: ['GET'], headers: '', expose: '', maxAge: '' }])}
        >
          {t.addRule}
        </button>
      }
    >
      {draft.map((d, index) => (
        <fieldset key={index} className="fieldset">
          <legend className="fieldset__legend">{t.ruleN(index + 1)}</legend>
          <Field label={t.originsOf(index + 1)} hint={t.oneALine} error={problem(index, 'origins', 'origin')}>
            {(control) => <textarea {...control} className="input input--mono" rows={2} value={d.origins} onChange={(e) => set(index, { origins: e.target.value })} />}
          </Field>
          <fieldset className="fieldset">
            <legend className="fieldset__legend">{t.methodsOf(index + 1)}</legend>
            {CORS_METHODS.map((method) => (
              <label key={method} className="radio">
                <input
                  type="checkbox"
                  checked={d.methods.includes(method)}
                  onChange={(e) => set(index, { methods: e.target.checked ? CORS_METHODS.filter((x) => x === method || d.methods.includes(x)) : d.methods.filter((x) => x !== method) })}
                />{' '}
                {method}
              </label>
            ))}
            {problem(index, 'methods') ? <p className="field__error">{problem(index, 'methods')}</p> : null}
          </fieldset>
          <Field label={t.headersOf(index + 1)} error={problem(index, 'header')}>
            {(control) => <textarea {...control} className="input input--mono" rows={2} value={d.headers} onChange={(e) => set(index, { headers: e.target.value })} />}
          </Field>
          <Field label={t.exposeOf(index + 1)} error={problem(index, 'exposeHeader')}>
            {(control) => <textarea {...control} className="input input--mono" rows={2} value={d.expose} onChange={(e) => set(index, { expose: e.target.value })} />}
          </Field>
          <Field label={t.maxAgeOf(index + 1)} error={problem(index, 'maxAge')}>
            {(control) => <input {...control} className="input" inputMode="numeric" value={d.maxAge} onChange={(e) => set(index, { maxAge: e.target.value })} />}
          </Field>
          <button type="button" className="button button--small" onClick={() => onChange(draft.filter((_, i) => i !== index))}>
            {t.removeRule(index + 1)}
          </button>
        </fieldset>
      ))}
    </DraftForm>
  );
}
