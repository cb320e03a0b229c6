import { useState } from 'react';
import type { BucketAcl as BucketAclName } from '@shared/acl';
import type { AclPermission, BucketAcl, BucketRef } from '@shared/contract';
import { parseGrantees } from '@shared/grants';
import { useCall } from '@renderer/api/use-call';
import { AclChoice } from '@renderer/features/buckets/components/AclChoice';
import { GrantField, grantProblem } from '@renderer/features/buckets/components/GrantField';
import { messages as m } from '@renderer/i18n';
import { rereadAfter, useBucketSetting } from '../api/use-bucket-setting';
import { ChangeReview, DoneNote, DraftForm, SettingSection, type Change } from './SettingSection';

const t = m.bucketSettings.access;
type Field = 'grantRead' | 'grantWrite' | 'grantFullControl' | 'grantReadAcp' | 'grantWriteAcp';
const FIELDS: Record<Field, AclPermission> = {
  grantRead: 'READ',
  grantWrite: 'WRITE',
  grantFullControl: 'FULL_CONTROL',
  grantReadAcp: 'READ_ACP',
  grantWriteAcp: 'WRITE_ACP',
};
const EDITED: Field[] = ['grantRead', 'grantWrite', 'grantFullControl'];

/** COS writes a root account as `qcs::cam::uin/<uin>:uin/<uin>`; the form shows and sends it as the UIN, as typed at create. */
export function plainGrantee(id: string): string {
  return /^qcs::cam::uin\/(\d+):uin\/\1$/.exec(id)?.[1] ?? id;
}

function idsOf(acl: BucketAcl, permission: AclPermission): string[] {
  return acl.grants.filter((g) => g.permission === permission).map((g) => plainGrantee(g.id));
}

/** The canned ACL and every grant, changed as one PUT Bucket acl with the create form's fields and checks. */
export function AccessSection({ bucketRef }: { bucketRef: BucketRef }) {
  const query = useBucketSetting('getBucketAcl', bucketRef);
  return (
    <SettingSection title={t.title} query={query}>
      {(acl) => <AccessView acl={acl} bucketRef={bucketRef} />}
    </SettingSection>
  );
}

function AccessView({ acl, bucketRef }: { acl: BucketAcl; bucketRef: BucketRef }) {
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <>
      <dl className="facts">
        <dt>{t.acl}</dt>
        <dd>{m.create.acls[acl.acl]}</dd>
      </dl>
      {acl.acl !== 'private' ? (
        <p className="warning">
          <span aria-hidden="true">⚠ </span>
          {m.create.aclWarnings[acl.acl]}
        </p>
      ) : null}
      {acl.grants.length === 0 ? (
        <p>{t.noGrants}</p>
      ) : (
        <table className="settings-table" aria-label={t.grants}>
          <thead>
            <tr>
              <th scope="col">{t.grantee}</th>
              <th scope="col">{t.displayName}</th>
              <th scope="col">{t.permission}</th>
            </tr>
          </thead>
          <tbody>
            {acl.grants.map((g) => (
              <tr key={`${g.id} ${g.permission}`}>
                <td>
                  <code>{g.id}</code>
                </td>
                <td>{g.displayName}</td>
                <td>{t.permissions[g.permission]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="field__hint">{t.ownerNote(acl.owner.displayName || acl.owner.id)}</p>
      <DoneNote shown={done && !editing} />
      {editing ? (
        <AccessForm
          acl={acl}
          bucketRef={bucketRef}
          onDone={() => {
            setEditing(false);
            setDone(true);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <button
          type="button"
          className="button"
          onClick={() => {
            setDone(false);
            setEditing(true);
          }}
        >
          {t.edit}
        </button>
      )}
    </>
  );
}

function AccessForm({ acl, bucketRef, onDone, onCancel }: { acl: BucketAcl; bucketRef: BucketRef; onDone: () => void; onCancel: () => void }) {
  const [cannedAcl, setCannedAcl] = useState<BucketAclName>(acl.acl);
  const [texts, setTexts] = useState<Record<Field, string>>(() => {
    const entries = (Object.keys(FIELDS) as Field[]).map((f) => [f, idsOf(acl, FIELDS[f]).join(', ')] as const);
    return Object.fromEntries(entries) as Record<Field, string>;
  });
  const [reviewing, setReviewing] = useState(false);
  const write = useCall('putBucketAcl', rereadAfter('getBucketAcl'));
  const parsed = Object.fromEntries((Object.keys(FIELDS) as Field[]).map((f) => [f, parseGrantees(texts[f])])) as Record<Field, ReturnType<typeof parseGrantees>>;
  const valid = EDITED.every((f) => grantProblem(parsed[f]) === undefined);

  const changes: Change[] = [];
  if (cannedAcl !== acl.acl) changes.push({ label: t.acl, from: m.create.acls[acl.acl], to: m.create.acls[cannedAcl] });
  for (const f of EDITED) {
    const before = idsOf(acl, FIELDS[f]).join(', ');
    const after = parsed[f].ids.join(', ');
    if (before !== after) changes.push({ label: t[f], from: before, to: after });
  }

  if (reviewing) {
    return (
      <ChangeReview
        changes={changes}
        notes={cannedAcl !== 'private' && cannedAcl !== acl.acl ? <p className="warning">{m.create.aclWarnings[cannedAcl]}</p> : null}
        write={write}
        onBack={() => setReviewing(false)}
        onApply={() =>
          write.mutate(
            {
              ...bucketRef,
              acl: cannedAcl,
              grantRead: parsed.grantRead.ids,
              grantWrite: parsed.grantWrite.ids,
              grantFullControl: parsed.grantFullControl.ids,
              // Not edited here; sent again as they are, since a PUT replaces the whole ACL.
              grantReadAcp: idsOf(acl, 'READ_ACP'),
              grantWriteAcp: idsOf(acl, 'WRITE_ACP'),
            },
            { onSuccess: onDone },
          )
        }
      />
    );
  }
  return (
    <DraftForm canReview={valid} onReview={() => setReviewing(true)} onCancel={onCancel}>
      <AclChoice value={cannedAcl} onChange={setCannedAcl} />
      {EDITED.map((f) => (
        <GrantField key={f} label={t[f]} value={texts[f]} parsed={parsed[f]} onChange={(value) => setTexts((all) => ({ ...all, [f]: value }))} />
      ))}
      {idsOf(acl, 'READ_ACP').length + idsOf(acl, 'WRITE_ACP').length > 0 ? <p className="field__hint">{t.keptAcp}</p> : null}
    </DraftForm>
  );
}
