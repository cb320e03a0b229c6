/** Query-key factories: every cache read, write and invalidation goes through these. */
export const sessionKeys = {
  all: ['session'] as const,
  current: () => [...sessionKeys.all, 'getSession'] as const,
};

/**
 * Everything about buckets is kept per profile (its id; undefined when signed out): an answer that arrives for one
 * account, a create that finishes after a switch say, lands in that account's cache and never in another's.
 */
export const bucketKeys = {
  all: ['buckets'] as const,
  profile: (profileId: string | undefined) => [...bucketKeys.all, profileId ?? 'signed-out'] as const,
  lists: (profileId: string | undefined) => [...bucketKeys.profile(profileId), 'listBucketsPage'] as const,
  /** One list per region filter sent to COS; undefined is every region. */
  list: (profileId: string | undefined, region?: string) => [...bucketKeys.lists(profileId), region ?? 'all-regions'] as const,
  /** Buckets the profile added by name (kept by the main process per profile). */
  added: (profileId: string | undefined) => [...bucketKeys.profile(profileId), 'listAddedBuckets'] as const,
};

/** A folder's listing, per profile like the buckets: one entry per bucket, region and prefix. */
export const objectKeys = {
  all: ['objects'] as const,
  profile: (profileId: string | undefined) => [...objectKeys.all, profileId ?? 'signed-out'] as const,
  folder: (profileId: string | undefined, bucket: string, region: string, prefix: string) =>
    [...objectKeys.profile(profileId), 'listObjects', bucket, region, prefix] as const,
  details: (profileId: string | undefined, bucket: string, region: string, key: string) =>
    [...objectKeys.profile(profileId), 'headObject', bucket, region, key] as const,
};

/** The user's preferences (language, theme, request log), kept by the main process. */
export const preferenceKeys = {
  current: () => ['preferences', 'getPreferences'] as const,
};

/** One bucket setting as last read (its read call's name: getBucketAcl, getBucketTagging…), per profile. */
export const settingKeys = {
  all: ['settings'] as const,
  profile: (profileId: string | undefined) => [...settingKeys.all, profileId ?? 'signed-out'] as const,
  bucket: (profileId: string | undefined, bucket: string, region: string) => [...settingKeys.profile(profileId), bucket, region] as const,
  setting: (profileId: string | undefined, bucket: string, region: string, read: string) =>
    [...settingKeys.bucket(profileId, bucket, region), read] as const,
};

/** The transfer queue lives in the main process, for every profile at once: one entry, polled. */
export const transferKeys = {
  list: () => ['transfers', 'listTransfers'] as const,
};

/** The request log is the whole app's (every profile's requests): one list per filter. */
export const requestLogKeys = {
  all: ['requestLog'] as const,
  list: (errorsOnly: boolean, text: string) => [...requestLogKeys.all, 'listRequestLog', { errorsOnly, text }] as const,
};

/** What the active profile's requests met this session (the main process keeps it per profile). */
export const permissionKeys = {
  all: ['permissions'] as const,
  profile: (profileId: string | undefined) => [...permissionKeys.all, profileId ?? 'signed-out', 'getPermissions'] as const,
};
