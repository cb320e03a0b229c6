import { CosError } from './errors';

/** Host names are limited to 60 characters, which bounds name + APPID + region together (doc 13312). */
const MAX_HOST_LENGTH = 60;
const FULL_NAME = /^(.+)-(\d+)$/;
const SHORT_NAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/** Checks a full bucket name for creation in a region; returns its APPID suffix. */
export function requireCreatableName(fullName: string, region: string): string {
  const parts = FULL_NAME.exec(fullName);
  if (!parts) {
    throw new CosError('InvalidBucketName', `The bucket name "${fullName}" must be <name>-<APPID>, e.g. photos-1250000000.`);
  }
  if (!SHORT_NAME.test(parts[1])) {
    throw new CosError(
      'InvalidBucketName',
      `The bucket name "${parts[1]}" may contain only lowercase letters, digits and hyphens, and may not start or end with a hyphen.`,
    );
  }
  const host = `${fullName}.cos.${region}.myqcloud.com`;
  if (host.length > MAX_HOST_LENGTH) {
    throw new CosError(
      'BucketNameTooLong',
      `The host ${host} is ${host.length} characters long; at most ${MAX_HOST_LENGTH} are allowed.`,
    );
  }
  return parts[2];
}
