import { useState } from 'react';
import type { BucketRef, VersioningState } from '@shared/contract';
import { useCall } from '@renderer/api/use-call';
import { messages as m } from '@renderer/i18n';
import { rereadAfter, useBucketSetting } from '../api/use-bucket-setting';
import { ChangeReview, DoneNote, SettingSection } from './SettingSection';

const t = m.bucketSettings.versioning;

/** The one change each state allows: never enabled or suspended → Enabled; Enabled → Suspended. Never back to off. */
export function nextVersioning(status: VersioningState): 'Enabled' | 'Suspended' {
  return status === 'Enabled' ? 'Suspended' : 'Enabled';
}

export function VersioningSection({ bucketRef }: { bucketRef: BucketRef }) {
  const query = useBucketSetting('getBucketVersioning', bucketRef);
  const [target, setTarget] = useState<'Enabled' | 'Suspended' | null>(null);
  const [done, setDone] = useState(false);
  const write = useCall('putBucketVersioning', rereadAfter('getBucketVersioning'));
  return (
    <SettingSection title={t.title} query={query}>
      {({ status }) => {
        const next = nextVersioning(status);
        return (
          <>
            <dl className="facts">
              <dt>{t.status}</dt>
              <dd>{t.states[status]}</dd>
            </dl>
            <p className="field__hint">{t.rule}</p>
            <DoneNote shown={done && target === null} />
            {target ? (
              <ChangeReview
                changes={[{ label: t.status, from: t.states[status], to: t.states[target] }]}
                notes={<p className="note">{target === 'Enabled' ? t.enableNote : t.suspendNote}</p>}
                write={write}
                onBack={() => setTarget(null)}
                onApply={() =>
                  write.mutate(
                    { ...bucketRef, status: target },
                    {
                      onSuccess: () => {
                        setTarget(null);
                        setDone(true);
                      },
                    },
                  )
                }
              />
            ) : (
              <button
                type="button"
                className="button"
                onClick={() => {
                  setDone(false);
                  setTarget(next);
                }}
              >
                {next === 'Suspended' ? t.suspend : status === 'off' ? t.enable : t.resume}
              </button>
            )}
          </>
        );
      }}
    </SettingSection>
  );
}
