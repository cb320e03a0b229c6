import { useCallback, useState } from 'react';
import { useKnownBucketRegion } from '../features/buckets/api/bucket-region';
import { BucketsPage } from '../features/buckets/components/BucketsPage';
import type { FolderPlace } from '../features/objects/api/use-objects';
import { ObjectsPage } from '../features/objects/components/ObjectsPage';

/** The signed-in screen: the bucket list, or one folder of a bucket opened from it. */
export function Workspace({ defaultRegion }: { defaultRegion: string }) {
  const [place, setPlace] = useState<FolderPlace | null>(null);
  const knownRegion = useKnownBucketRegion();
  const regionOf = useCallback((bucket: string) => knownRegion(bucket) ?? defaultRegion, [knownRegion, defaultRegion]);

  if (place) return <ObjectsPage place={place} onNavigate={setPlace} onClose={() => setPlace(null)} regionOf={regionOf} />;
  return (
    <BucketsPage
      defaultRegion={defaultRegion}
      onOpenBucket={(bucket) => setPlace({ bucket: bucket.name, region: bucket.region, prefix: '' })}
      onOpenLocation={(target) => setPlace({ bucket: target.bucket, region: target.region ?? regionOf(target.bucket), prefix: target.prefix })}
    />
  );
}
