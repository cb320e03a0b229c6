import { startTransition, useCallback, useState } from 'react';
import { useKnownBucketRegion } from '../features/buckets/api/bucket-region';
import { BucketsPage } from '../features/buckets/components/BucketsPage';
import { usePrefetchFolder, type FolderPlace } from '../features/objects/api/use-objects';
import { ObjectsPage } from '../features/objects/components/ObjectsPage';
import { TransfersPanel } from '../features/transfers/components/TransfersPanel';

/** The signed-in screen: the bucket list, or one folder of a bucket opened from it. */
export function Workspace({ defaultRegion }: { defaultRegion: string }) {
  const [place, setPlace] = useState<FolderPlace | null>(null);
  const prefetchFolder = usePrefetchFolder();
  // Another view is made as a transition, in slices that let the page answer between them, not in the click's task:
  // building and laying out a whole view in one task made it a long one. A folder's first page is asked for at once,
  // so it is on its way while the view is made.
  const go = useCallback(
    (next: FolderPlace | null) => {
      if (next) prefetchFolder(next);
      startTransition(() => setPlace(next));
    },
    [prefetchFolder],
  );
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
