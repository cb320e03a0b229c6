import { AppDialog } from '@renderer/components/AppDialog';
import { messages as m } from '@renderer/i18n';
import { AccessSection } from './AccessSection';
import { CorsSection } from './CorsSection';
import { LifecycleSection } from './LifecycleSection';
import { OverviewSection } from './OverviewSection';
import { PolicySection } from './PolicySection';
import { TagsSection } from './TagsSection';
import { VersioningSection } from './VersioningSection';

interface BucketSettingsDialogProps {
  bucket: string;
  region: string;
  /** Known when opened from the bucket list. */
  creationDate?: string;
  onClose: () => void;
}

/** Every setting of one bucket, a section each, each read on its own and changed after an old → new review. */
export function BucketSettingsDialog({ bucket, region, creationDate, onClose }: BucketSettingsDialogProps) {
  const bucketRef = { bucket, region };
  return (
    <AppDialog open wide onOpenChange={(open) => (open ? undefined : onClose())} title={m.bucketSettings.title} description={m.bucketSettings.description(bucket)}>
      <div className="settings">
        <OverviewSection bucketRef={bucketRef} creationDate={creationDate} />
        <AccessSection bucketRef={bucketRef} />
        <VersioningSection bucketRef={bucketRef} />
        <TagsSection bucketRef={bucketRef} />
        <CorsSection bucketRef={bucketRef} />
        <LifecycleSection bucketRef={bucketRef} />
        <PolicySection bucketRef={bucketRef} />
      </div>
    </AppDialog>
  );
}
