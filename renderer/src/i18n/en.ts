/**
 * Every string the user can see, in English. A second language is a copy of this file typed as `Messages`.
 * Region names come from the shared catalog (shared/regions.ts).
 */
const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

export const en = {
  app: {
    name: 'COS Desk',
    loading: 'Loading…',
    noBridge: 'COS Desk must be opened as the desktop app: this page has no access to the app’s API.',
    sessionError: 'Could not read the saved sign-in.',
    crashed: 'Something went wrong in this window.',
    reload: 'Reload',
    retry: 'Retry',
    close: 'Close',
    cancel: 'Cancel',
    dismiss: 'Dismiss',
    yes: 'yes',
    no: 'no',
  },

  header: {
    signOut: 'Sign out',
    signingOut: 'Signing out…',
    ownerId: 'Owner ID',
    key: 'Key',
    temporaryKey: 'temporary key',
    endpoint: 'Endpoint',
    signOutFailed: 'Could not sign out.',
  },

  signIn: {
    title: 'Sign in',
    description:
      'Use an API key of your Tencent Cloud account (CAM console → API keys). COS Desk first lists your buckets with it and saves it only if that works.',
    secretId: 'SecretId',
    secretKey: 'SecretKey',
    sessionToken: 'Session token (optional)',
    sessionTokenHint: 'Only for temporary keys: paste the token issued with them.',
    region: 'Default region',
    https: 'Use HTTPS',
    httpsHint: 'Turn off only for a private deployment or the local emulator that speaks plain HTTP.',
    advanced: 'Advanced',
    endpoint: 'Endpoint',
    endpointHint: 'host or host:port of a private deployment or of the local emulator, without http://. Leave empty for Tencent Cloud.',
    submit: 'Test and save',
    pending: 'Testing the key…',
    rememberYes: 'The SecretKey is saved encrypted by your operating system and never shown again.',
    rememberNo:
      'This system offers no secure storage: the keys will be kept for this session only, and asked for again next time.',
    failed: 'Sign-in failed: nothing was saved.',
    invalid: {
      secretId: 'Enter the SecretId: letters and digits only (it usually starts with AKID).',
      secretKey: 'Enter the SecretKey, without spaces.',
      sessionToken: 'The session token has no spaces.',
      region: 'Choose a region, or type one that looks like ap-guangzhou.',
      endpoint: 'Write the endpoint as host or host:port, without http:// or a path.',
    },
  },

  regions: {
    areas: {
      mainland: 'Chinese mainland',
      finance: 'Finance zones',
      international: 'Outside the Chinese mainland',
    },
    option: (name: string, id: string) => `${name} (${id})`,
    soldOut: 'sold out',
    label: (id: string, name: string | undefined) => (name ? `${id} (${name})` : id),
    other: 'Other region…',
    otherLabel: 'Region ID',
    otherHint: 'A region missing from the list, for example ap-guangzhou or ap-shenzhen-fsi.',
    otherInvalid: 'A region ID looks like ap-guangzhou: letters, one hyphen, letters, then optionally -1 or -fsi.',
  },

  list: {
    tableLabel: 'Buckets',
    heading: 'Buckets',
    loading: 'Loading buckets…',
    emptyTitle: 'No buckets yet',
    emptyText: 'A bucket holds your objects. Create one to start.',
    emptyAction: 'Create your first bucket',
    noMatch: 'No bucket matches these filters.',
    clearFilters: 'Clear filters',
    loadError: 'Could not load the buckets.',
    refreshError: 'Could not refresh the list; it shows what was loaded before.',
    refresh: 'Refresh',
    filterByName: 'Filter by name',
    filterPlaceholder: 'Filter by name…',
    regionFilter: 'Region filter',
    allRegions: 'All regions',
    count: (n: number) => `${n} ${plural(n, 'bucket', 'buckets')}`,
    filteredCount: (shown: number, total: number) => `${shown} of ${total} ${plural(total, 'bucket', 'buckets')}`,
    columns: { name: 'Name', region: 'Region', created: 'Created', type: 'Type', actions: 'Actions' },
    noType: '—',
    check: 'Check',
    delete: 'Delete',
    createBucket: 'Create bucket',
    checkBucket: 'Check bucket',
    created: (name: string) => `Created bucket ${name}.`,
    alreadyOwned: (name: string) => `Bucket ${name} already existed and is yours.`,
    deleted: (name: string) => `Deleted bucket ${name}.`,
  },

  create: {
    title: 'Create bucket',
    description: 'The bucket is created in your account with the name, region and access you choose here.',
    name: 'Bucket name',
    nameHint: 'The part before -APPID.',
    lowercased: 'Uppercase letters were changed to lowercase',
    rulesLabel: 'Naming rules',
    ruleMet: 'Met:',
    ruleNotMet: 'Not met:',
    rules: {
      required: 'Not empty',
      charset: 'Lowercase letters, digits and hyphens only',
      hyphenEnds: 'Does not start or end with a hyphen',
      hostLength: (max: number, length: number) => `At most ${max} characters with this APPID and region (now ${length})`,
      appIdRequired: 'APPID entered',
      appIdDigits: 'APPID is a number that does not start with 0',
    },
    appId: 'APPID',
    appIdOffered: (ids: readonly string[]) => `Taken from your existing buckets: ${ids.join(', ')}.`,
    appIdUnknown: 'The number after the last hyphen of your bucket names; also shown in the COS console under Account.',
    preview: 'Preview',
    fullName: 'Full name',
    host: 'Host',
    hostLength: (length: number) => `${length} of 60 characters`,
    placeholderName: '<name>',
    placeholderAppId: '<APPID>',
    region: 'Region',
    acl: 'Access (ACL)',
    /** The x-cos-acl values, as COS and its console name them. */
    acls: {
      private: 'private',
      'public-read': 'public-read',
      'public-read-write': 'public-read-write',
    },
    aclHints: {
      private: 'Private: only your account and the accounts granted below can read or write. Recommended.',
      'public-read': 'Public read: everyone can read and list objects without a key.',
      'public-read-write': 'Public read and write: everyone can read, upload, overwrite and delete objects without a key.',
    },
    aclWarnings: {
      'public-read': 'Public access: anyone on the internet will be able to read every object in this bucket.',
      'public-read-write':
        'Public access: anyone on the internet will be able to read, overwrite and delete every object in this bucket, and you pay for their traffic.',
    },
    grants: 'Grants (optional)',
    grantsHint:
      'Account IDs: a root account’s UIN such as 100000000001, or a sub-account as qcs::cam::uin/<owner>:uin/<sub>. Separate several with commas or new lines.',
    grantRead: 'Read',
    grantWrite: 'Write',
    grantFullControl: 'Full control',
    grantCount: (n: number) => `${n} ${plural(n, 'account', 'accounts')}`,
    grantInvalid: (ids: readonly string[]) => `Not an account ID: ${ids.join(', ')}`,
    grantTooMany: (max: number) => `At most ${max} accounts per grant.`,
    multiAz: 'Multi-AZ storage',
    multiAzOn: 'Keeps data in several availability zones of the region. It cannot be turned off later.',
    multiAzOff: (region: string, offered: string) =>
      `Not offered in ${region}. Multi-AZ is available in ${offered}.`,
    submit: 'Create',
    pending: 'Creating the bucket…',
    failed: 'COS did not create the bucket.',
  },

  check: {
    title: 'Check bucket',
    description: 'Ask COS whether a bucket exists and whether your key may use it, including buckets of other accounts.',
    bucket: 'Bucket',
    bucketHint: 'The full name, <name>-<APPID>, for example photos-1250000000.',
    bucketInvalid: 'Write the full name with its APPID: <name>-<APPID>, for example photos-1250000000.',
    region: 'Region',
    regionHint: 'A region ID such as ap-guangzhou; pick one from the suggestions or type another.',
    regionInvalid: 'A region ID looks like ap-guangzhou: letters, one hyphen, letters, then optionally -1 or -fsi.',
    submit: 'Check',
    pending: 'Checking…',
    resultFor: (bucket: string, region: string) => `${bucket} in ${region}`,
    accessible: 'Exists and you may use it',
    forbidden: 'Exists, but you have no permission (403)',
    missing: 'Does not exist (404)',
    existsLine: (exists: boolean) => `Exists: ${exists ? 'true' : 'false'}`,
    regionLine: (label: string) => `Region: ${label}`,
    multiAzLine: (multiAz: boolean) => `Multi-AZ: ${multiAz ? 'yes' : 'no'}`,
    requestId: 'Request ID:',
    failed: 'The check did not get an answer.',
  },

  delete: {
    title: 'Delete bucket',
    description: 'Only an empty bucket can be deleted. Deleting cannot be undone.',
    bucket: 'Bucket',
    region: 'Region',
    confirm: 'Type the bucket name to confirm',
    confirmHint: (name: string) => `Type ${name} exactly.`,
    submit: 'Delete bucket',
    pending: 'Deleting…',
    failed: 'The bucket was not deleted.',
  },

  copy: {
    requestId: 'Copy request ID',
    copied: 'Copied',
    manual: 'Could not copy: the ID is selected, press Ctrl+C (⌘C) to copy it.',
  },

  errors: {
    titles: {
      cos: 'COS refused the request.',
      network: 'Could not reach COS.',
      timeout: 'COS did not answer in time.',
      validation: 'Some values were not accepted.',
      session: 'You are not signed in.',
      internal: 'Something went wrong inside COS Desk.',
    },
    code: 'Code',
    status: 'HTTP status',
    message: 'Message',
    requestId: 'Request ID',
    accessDenied: (action: string | undefined) =>
      action
        ? `Your key lacks permission ${action}. Ask the account administrator to grant it in CAM, or use another key.`
        : 'Your key lacks the permission for this operation. Ask the account administrator to grant it in CAM.',
    hints: {
      SignatureDoesNotMatch:
        'The signature did not match: the SecretKey is probably wrong, or this computer’s clock is off. Check both.',
      RequestTimeTooSkewed: 'This computer’s clock is too far from the real time. Fix the system clock, then try again.',
      InvalidAccessKeyId: 'COS does not know this SecretId. Check that it was copied whole and that the key is enabled.',
      ExpiredToken: 'The temporary key has expired. Get a new SecretId, SecretKey and session token.',
      BucketNotEmpty:
        'The bucket still holds objects, old versions or unfinished multipart uploads, so nothing was changed. Empty it first.',
      BucketAlreadyExists: 'This name is taken by another account. Choose another name.',
      BucketAlreadyOwnedByYou: 'You already own a bucket with this name.',
      InvalidBucketName:
        'COS refused the name: use lowercase letters, digits and hyphens, not starting or ending with a hyphen.',
      BucketNameTooLong: 'The name is too long: <name>-<APPID>.cos.<region>.myqcloud.com must be at most 60 characters.',
      TooManyBuckets:
        'An account may have 200 buckets. Delete some you no longer need, or ask Tencent Cloud to raise the limit.',
      InvalidRegionName: 'COS does not know this region. Choose one from the list or check its spelling.',
      InvalidLocationConstraint: 'COS does not accept this region for a new bucket. Choose another region.',
      MultiAZFeatureNotSupport: 'Multi-AZ is not offered in this region. Turn it off or choose a region that offers it.',
      NoSuchBucket: 'No bucket with this name exists in this region. Check the name, its APPID and the region.',
      InvalidBucketState: 'The bucket’s current state does not allow this. Wait a moment and try again.',
      NotSignedIn: 'Sign in again.',
    } as Record<string, string>,
    kindHints: {
      cos: undefined,
      network: 'Could not reach COS: check your network or proxy.',
      timeout: 'Check your network or proxy, then try again.',
      validation: undefined,
      session: 'Sign in again.',
      internal: 'Try again; if it keeps happening, restart COS Desk.',
    } as Record<string, string | undefined>,
  },
};

export type Messages = typeof en;
