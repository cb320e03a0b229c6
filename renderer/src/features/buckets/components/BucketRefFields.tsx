import { useState } from 'react';
import { isFullBucketName } from '@shared/bucket-name';
import type { BucketRef } from '@shared/contract';
import { isWellFormedRegion } from '@shared/regions';
import { Field } from '@renderer/components/Field';
import { RegionInput } from '@renderer/components/RegionInput';
import { messages as m } from '@renderer/i18n';

/** A bucket named in full (`name-appid`) and its region, as typed so far. */
export interface BucketRefInput {
  bucket: string;
  setBucket: (bucket: string) => void;
  region: string;
  setRegion: (region: string) => void;
  /** What to send: the name without surrounding spaces. */
  ref: BucketRef;
  nameOk: boolean;
  /** Both fields are well formed, so the bucket may be asked about. */
  valid: boolean;
}

export function useBucketRefInput(initial: BucketRef): BucketRefInput {
  const [bucket, setBucket] = useState(initial.bucket);
  const [region, setRegion] = useState(initial.region);
  const trimmed = bucket.trim();
  const nameOk = isFullBucketName(trimmed);
  return { bucket, setBucket, region, setRegion, ref: { bucket: trimmed, region }, nameOk, valid: nameOk && isWellFormedRegion(region) };
}

interface BucketRefFieldsProps {
  input: BucketRefInput;
  regionHint: string;
  /** The name field takes the focus when the dialog opens. */
  focusName: boolean;
}

/** The name and region fields of the Check and Add dialogs. */
export function BucketRefFields({ input, regionHint, focusName }: BucketRefFieldsProps) {
  return (
    <>
      <Field
        label={m.check.bucket}
        hint={m.check.bucketHint}
        error={input.ref.bucket.length > 0 && !input.nameOk ? m.check.bucketInvalid : undefined}
      >
        {(control) => (
          <input
            {...control}
            data-autofocus={focusName || undefined}
            className="input input--mono"
            value={input.bucket}
            onChange={(event) => input.setBucket(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            placeholder={m.signIn.examples.bucket}
          />
        )}
      </Field>
      <RegionInput
        label={m.check.region}
        hint={regionHint}
        invalidMessage={m.check.regionInvalid}
        value={input.region}
        onChange={input.setRegion}
      />
    </>
  );
}
