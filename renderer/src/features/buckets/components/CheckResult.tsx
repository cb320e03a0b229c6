import type { HeadBucketResult } from '@shared/contract';
import { COS_OPERATIONS } from '@shared/cam';
import { PermissionHelp } from '@renderer/components/PermissionHelp';
import { RequestId } from '@renderer/components/RequestId';
import { useSession } from '@renderer/features/session/api/use-session';
import { messages as m, regionName } from '@renderer/i18n';

const VERDICT = {
  200: { text: () => m.check.accessible, tone: 'ok' },
  403: { text: () => m.check.forbidden, tone: 'warn' },
  404: { text: () => m.check.missing, tone: 'missing' },
} as const;

/** HEAD Bucket's answer in words: exists and usable, exists but forbidden, or absent. */
export function CheckResult({ result }: { result: HeadBucketResult }) {
  const verdict = VERDICT[result.status];
  // The bucket's own region, from x-cos-bucket-region; a 200 without the header was answered where we asked.
  const region = result.bucketRegion ?? (result.status === 200 ? result.region : undefined);
  // A temporary key's own policy may be what refuses, whatever the sub-account may do.
  const session = useSession().data;
  const temporaryKey = session?.signedIn === true && session.profile.temporary;

  return (
    <section className={`check-result check-result--${verdict.tone}`} aria-label={m.check.resultFor(result.bucket, result.region)}>
      <p className="check-result__for">{m.check.resultFor(result.bucket, result.region)}</p>
      <p className="check-result__verdict">{verdict.text()}</p>
      <ul className="check-result__facts">
        <li>{m.check.existsLine(result.exists)}</li>
        {region ? <li>{m.check.regionLine(m.regions.label(region, regionName(region)))}</li> : null}
        {result.status === 200 ? <li>{m.check.multiAzLine(result.multiAz)}</li> : null}
        {result.requestId ? (
          <li>
            {m.check.requestId} <RequestId id={result.requestId} />
          </li>
        ) : null}
      </ul>
      {result.status === 403 ? (
        // HEAD has no body to say why: the permission it needs is named here, as for any AccessDenied.
        <PermissionHelp action={COS_OPERATIONS.headBucket.action} bucket={{ bucket: result.bucket, region: result.region }} temporaryKey={temporaryKey} />
      ) : null}
    </section>
  );
}
