/** Query-key factories: every cache read, write and invalidation goes through these. */
export const sessionKeys = {
  all: ['session'] as const,
  current: () => [...sessionKeys.all, 'current'] as const,
};

export const bucketKeys = {
  all: ['buckets'] as const,
  lists: () => [...bucketKeys.all, 'list'] as const,
  /** One list per region filter sent to COS; undefined is every region. */
  list: (region?: string) => [...bucketKeys.lists(), region ?? 'all-regions'] as const,
  /** Buckets the active profile added by name (kept by the main process per profile). */
  added: () => [...bucketKeys.all, 'added'] as const,
};
