import { useCallback, useState } from 'react';
import { flushSync } from 'react-dom';
import { useKnownBucketRegion } from '../features/buckets/api/bucket-region';
import { BucketsPage } from '../features/buckets/components/BucketsPage';
import type { FolderPlace } from '../features/objects/api/use-objects';
import { ObjectsPage } from '../features/objects/components/ObjectsPage';
import { TransfersPanel } from '../features/transfers/components/TransfersPanel';

/** The signed-in screen: the bucket list, or one folder of a bucket opened from it. */
export function Workspace({ defaultRegion }: { defaultRegion: string }) {
  const [place, setPlace] = useState<FolderPlace | null>(null);
  // Another view is made in a task of its own, right after the click's: building and laying out a view in the
  // click's task made it a long one. It is made at once in that task (not in slices, as a transition would be), so a
  // folder's first page is asked for at the end of that task, not after the next paint.
  const go = useCallback((next: FolderPlace | null) => {
    setTimeout(() => flushSync(() => setPlace(next)), 0);
  }, []);
  const knownRegion = useKnownBucketRegion();
  const regionOf = useCallback((bucket: string) => knownRegion(bucket) ?? defaultRegion, [knownRegion, defaultRegion]);

  return (
    <>
      {place ? (
        <ObjectsPage place={place} onNavigate={go} onClose={() => go(null)} regionOf={regionOf} />
      ) : (
        <BucketsPage
          defaultRegion={defaultRegion}
          onOpenBucket={(bucket) => go({ bucket: bucket.name, region: bucket.region, prefix: '' })}
          onOpenLocation={(target) => go({ bucket: target.bucket, region: target.region ?? regionOf(target.bucket), prefix: target.prefix })}
        />
      )}
      <TransfersPanel />
    </>
  );
}
