import { useQuery } from '@tanstack/react-query';
import type { BucketRef } from '@shared/contract';
import { regionName } from '@shared/regions';
import { useApi } from '@renderer/api/api-context';
import { settingKeys } from '@renderer/api/query-keys';
import { CopyButton } from '@renderer/components/CopyButton';
import { useActiveBucketDomain, useActiveProfileId } from '@renderer/features/session/api/use-session';
import { messages as m } from '@renderer/i18n';
import { useBucketSetting } from '../api/use-bucket-setting';
import { SettingSection } from './SettingSection';

const t = m.bucketSettings.overview;
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The bucket's host: the profile's bucket domain template when it has one, else COS's own. */
export function bucketHost(ref: BucketRef, template?: string): string {
  return template ? template.replace('{Bucket}', ref.bucket).replace('{Region}', ref.region) : `${ref.bucket}.cos.${ref.region}.myqcloud.com`;
}

/** Region, multi-AZ (HEAD Bucket), creation time (from the list, when opened from it), owner and the default domain. */
export function OverviewSection({ bucketRef, creationDate }: { bucketRef: BucketRef; creationDate?: string }) {
  const api = useApi();
  const profileId = useActiveProfileId();
  const head = useQuery({
    queryKey: settingKeys.setting(profileId, bucketRef.bucket, bucketRef.region, 'headBucket'),
    queryFn: ({ signal }) => api.headBucket(bucketRef, { signal }),
    staleTime: 0,
    retry: false,
  });
  // The owner comes with the ACL; a key that may not read it leaves the owner unknown and nothing else.
  const acl = useBucketSetting('getBucketAcl', bucketRef);
  const domain = bucketHost(bucketRef, useActiveBucketDomain());
  const url = `https://${domain}/`;
  const created = creationDate ? Date.parse(creationDate) : NaN;
  return (
    <SettingSection title={t.title} query={head}>
      {(answer) => (
        <>
          <dl className="facts">
            <dt>{t.name}</dt>
            <dd>
              <code>{bucketRef.bucket}</code>
            </dd>
            <dt>{t.region}</dt>
            <dd>{m.regions.label(bucketRef.region, regionName(bucketRef.region))}</dd>
            <dt>{t.multiAz}</dt>
            <dd>{answer.accessible ? (answer.multiAz ? m.app.yes : m.app.no) : t.unknown}</dd>
            <dt>{t.created}</dt>
            <dd>{Number.isNaN(created) ? t.unknown : <time dateTime={creationDate}>{dateFormat.format(created)}</time>}</dd>
            <dt>{t.owner}</dt>
            <dd>{acl.data ? `${acl.data.owner.displayName} (${acl.data.owner.id})` : t.unknown}</dd>
            <dt>{t.domain}</dt>
            <dd>
              <code>{domain}</code>
            </dd>
            <dt>{t.url}</dt>
            <dd>
              <code>{url}</code>
            </dd>
          </dl>
          <div className="form__actions copy-actions">
            <CopyButton text={url} label={m.bucketSettings.copyUrl} />
          </div>
        </>
      )}
    </SettingSection>
  );
}
