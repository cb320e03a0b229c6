/**
 * Every string the user can see, in English. A second language is a copy of this file typed as `Messages`.
 * Region names come from the shared catalog (shared/regions.ts).
 */
import type { AppError, AppErrorCode, CosErrorCode, ErrorParams } from '@shared/errors';
import type { IssueRule } from '@shared/issue-rules';

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);
/** 10,000 rather than 10000. */
const count = (n: number): string => n.toLocaleString('en');

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
    profile: 'Profile',
    manageProfiles: 'Profiles',
    switchFailed: 'Could not switch profile.',
  },

  signIn: {
    title: 'Sign in',
    description:
      'Use an API key of your Tencent Cloud account (CAM console → API keys). COS Desk first lists your buckets with it and saves it only if that works.',
    secretId: 'SecretId',
    secretKey: 'SecretKey',
    sessionToken: 'Session token',
    sessionTokenHint: 'The token issued with the temporary SecretId and SecretKey.',
    region: 'Default region',
    https: 'Use HTTPS',
    httpsHint: 'Turn off only for a private deployment or the local emulator that speaks plain HTTP.',
    advanced: 'Advanced',
    endpoint: 'Endpoint',
    endpointHint: 'host or host:port of a private deployment or of the local emulator, without http://. Leave empty for Tencent Cloud.',
    serviceDomain: 'Service domain',
    serviceDomainHint:
      'host or host:port that lists your buckets instead of service.cos.myqcloud.com, for a private deployment. Leave empty for Tencent Cloud.',
    bucketDomain: 'Bucket domain',
    bucketDomainHint:
      'The host of each bucket, with {Bucket} for its full name and optionally {Region}, e.g. {Bucket}.cos.{Region}.example.com; without http://. Leave empty for Tencent Cloud.',
    domainsKeyNote:
      'A new endpoint, service domain, bucket domain or proxy, or HTTPS turned off, needs the SecretKey typed again: saved keys go only where they went before.',
    proxyUrl: 'Proxy',
    proxyUrlHint: 'Every request of this profile goes through it: http://host:port or https://host:port. Leave empty to connect directly.',
    proxyUsername: 'Proxy user name (optional)',
    proxyUsernameHint: 'Only if the proxy asks for one.',
    proxyPassword: 'Proxy password (optional)',
    proxyPasswordHint: 'Kept encrypted with the SecretKey, never shown again.',
    proxyPasswordKeep: 'Leave empty to keep the saved proxy password.',
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
      serviceDomain: 'Write the service domain as host or host:port, without http:// or a path.',
      bucketDomain: 'Write the bucket domain as a host name containing {Bucket} (and optionally {Region}), without http:// or a path.',
      alias: 'Give the profile a name of at most 60 characters.',
      expiresAt: 'Enter when the temporary key expires: a date and time still to come.',
      proxyUrl: 'Write the proxy as http://host:port or https://host:port, without a user name or path.',
      proxyUsername: 'The proxy user name cannot contain a colon.',
      proxyPassword: 'The proxy password cannot contain control characters.',
    },
  },

  profiles: {
    title: 'Profiles',
    description: 'Saved keys, one profile each. Switch between them from the header in one click.',
    signedOutDescription: 'You are signed out. Choose a profile to continue, or add one.',
    listLabel: 'Saved profiles',
    add: 'Add profile',
    addTitle: 'Add profile',
    editTitle: 'Edit profile',
    renewTitle: 'Enter the keys again',
    deleteTitle: 'Delete profile',
    alias: 'Profile name',
    aliasHint: 'Shown in the header. Leave empty to use the account name.',
    keyKind: 'Key type',
    permanent: 'Permanent key',
    temporary: 'Temporary key (token and expiry)',
    expiresAt: 'Expires at',
    expiresAtHint: 'Local time. COS Desk asks for a new key when this time comes.',
    secretKeyKeep: 'Leave empty to keep the saved SecretKey.',
    sessionTokenKeep: 'Leave empty to keep the saved session token.',
    unchanged: 'Unchanged',
    cancel: 'Cancel',
    back: 'Back to profiles',
    active: 'Active',
    use: 'Use',
    test: 'Test connection',
    testing: 'Testing…',
    tested: (name: string, buckets: number) => `Connected as ${name}: ${buckets} ${plural(buckets, 'bucket', 'buckets')}.`,
    testedListDenied: (name: string | undefined) =>
      `${name ? `Connected as ${name}` : 'Connected'}: the key works, but it may not list buckets (cos:GetService is not permitted), so there is no bucket count. Add its buckets by name.`,
    testFailed: 'The connection test failed.',
    edit: 'Edit',
    delete: 'Delete',
    kindPermanent: 'Permanent key',
    kindTemporary: 'Temporary key',
    region: (label: string) => `Region ${label}`,
    httpsOff: 'HTTP (not encrypted)',
    option: (alias: string, secretIdMasked: string, state?: string) => `${alias} (${secretIdMasked})${state ? ` — ${state}` : ''}`,
    keysMissing: 'Keys not saved: type them again',
    keysExpired: 'Expired: enter a new key',
    expiresIn: (remaining: string) => `Expires in ${remaining}`,
    expired: 'Expired',
    saved: (alias: string) => `Saved profile ${alias}.`,
    askMissing: (alias: string) =>
      `The keys of “${alias}” are not saved on this computer (this system cannot keep them, or they can no longer be decrypted). Type them again.`,
    askExpired: (alias: string) => `The temporary key of “${alias}” has expired. Enter a new SecretId, SecretKey, session token and expiry.`,
    deleteQuestion: (alias: string) =>
      `Delete the profile “${alias}”? Its SecretKey and token are erased from this computer. Your buckets are not touched.`,
    deleteConfirm: 'Delete profile',
    deleting: 'Deleting…',
    deleteFailed: 'The profile was not deleted.',
    saveFailed: 'Nothing was saved.',
    switchFailed: 'Could not switch to this profile.',
  },

  duration: {
    hoursMinutes: (h: number, min: number) => `${h} h ${String(min).padStart(2, '0')} min`,
    minutesSeconds: (min: number, s: number) => `${min} min ${String(s).padStart(2, '0')} s`,
    seconds: (s: number) => `${s} s`,
    days: (d: number, h: number) => `${d} d ${h} h`,
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
    count: (n: number) => `${count(n)} ${plural(n, 'bucket', 'buckets')}`,
    filteredCount: (shown: number, total: number) => `${count(shown)} of ${count(total)} ${plural(total, 'bucket', 'buckets')}`,
    loadedSoFar: (n: number) => `Loaded ${count(n)} ${plural(n, 'bucket', 'buckets')}…`,
    stopLoading: 'Cancel',
    stopLoadingLabel: 'Cancel loading',
    stoppedAt: (n: number) => `Loading stopped: showing the first ${count(n)} ${plural(n, 'bucket', 'buckets')}.`,
    stoppedEmpty: 'Loading stopped before any bucket arrived.',
    loadRest: 'Load the rest',
    loadAgain: 'Load buckets',
    loadMoreError: 'Could not load the rest of the list; it shows the buckets loaded so far.',
    emptyRegion: (label: string) => `No buckets in ${label}.`,
    showAllRegions: 'Show all regions',
    columns: { name: 'Name', region: 'Region', created: 'Created', type: 'Type', actions: 'Actions' },
    noType: '—',
    check: 'Check',
    delete: 'Delete',
    createBucket: 'Create bucket',
    checkBucket: 'Check bucket',
    created: (name: string) => `Created bucket ${name}.`,
    alreadyOwned: (name: string) =>
      `Bucket ${name} is there and is yours: COS’s answer to the create was lost, and asking again found the bucket made.`,
    deleted: (name: string) => `Deleted bucket ${name}.`,
    addByName: 'Add bucket by name',
    addedByHand: 'added by hand',
    removeFromList: 'Remove from list',
    added: (name: string) => `Added bucket ${name} to the list.`,
    addedUnchecked: (name: string) =>
      `Added bucket ${name} to the list. Your key may not check it (403), so COS Desk could not confirm that you can use it.`,
    removed: (name: string) => `Removed ${name} from the list. The bucket itself was not changed.`,
    listDenied: 'This key may not list buckets.',
    listDeniedHint:
      'You can still work with buckets you know: add each one by its name and region, and it stays in this list for this profile.',
    listDeniedWithAdded: 'Below are the buckets you added by name. Add more by name and region.',
    deletedConfirmed: (name: string, region: string) =>
      `Deleted bucket ${name}. COS’s answer to the delete was lost, so COS Desk checked: there is no bucket ${name} in ${region} any more.`,
  },

  objects: {
    tableLabel: 'Objects',
    deleteSelected: 'Delete…',
    emptyBucketAction: 'Empty bucket…',
    backToBuckets: 'All buckets',
    pathLabel: 'Path',
    /** A folder whose name is empty: the part between two slashes of a key such as a//b. */
    emptySegment: '(empty name)',
    up: 'Up',
    region: (label: string) => `Region ${label}`,
    location: 'Location',
    locationPlaceholder: 'cos://bucket/folder/, a bucket URL, or a path such as team-a/',
    locationHint: 'Press Enter to go there. A path starts at the bucket’s root.',
    go: 'Go',
    locationProblems: {
      empty: 'Type a location: cos://<bucket>/<folder>/, https://<bucket>.cos.<region>.myqcloud.com/<key>, or a path.',
      bucket: 'The bucket must be its full name with its APPID, for example photos-1250000000.',
      region: 'The URL’s region is not a region ID such as ap-guangzhou.',
      leadingSlash: 'A key cannot start with a slash.',
      tooLong: 'A key is at most 850 bytes long.',
    },
    filterByName: 'Filter by name',
    filterPlaceholder: 'Filter loaded names…',
    refresh: 'Refresh',
    columns: { select: 'Select', name: 'Name', size: 'Size', modified: 'Last modified', storageClass: 'Storage class' },
    select: (name: string) => `Select ${name}`,
    selected: (n: number) => (n === 0 ? '' : `${count(n)} selected`),
    noValue: '—',
    count: (objects: number, folders: number) => `${entries(objects, folders)}`,
    filteredCount: (shown: number, total: number) => `${count(shown)} of ${count(total)} shown`,
    loading: 'Loading objects…',
    loadedSoFar: (objects: number, folders: number) => `Loaded ${entries(objects, folders)}…`,
    stoppedAt: (objects: number, folders: number) => `Loading stopped: showing the first ${entries(objects, folders)}.`,
    stoppedEmpty: 'Loading stopped before any object arrived.',
    loadRest: 'Load the rest',
    loadAgain: 'Load objects',
    stopLoading: 'Cancel',
    stopLoadingLabel: 'Cancel loading',
    noMatch: 'No loaded name matches this filter.',
    clearFilter: 'Clear filter',
    emptyFolder: 'This folder is empty.',
    emptyBucket: 'This bucket is empty.',
    loadError: (bucket: string, prefix: string) =>
      prefix ? `Could not list the folder ${prefix} in ${bucket}.` : `Could not list the root of ${bucket}.`,
    deniedHint: (bucket: string) =>
      `If your key may read only some folders, type one in Location and press Enter, for example cos://${bucket}/team-a/.`,
    refreshError: 'Could not refresh the folder; it shows what was loaded before.',
    loadMoreError: 'Could not load the rest of the folder; it shows the objects loaded so far.',
    size: (bytes: number) => humanSize(bytes),
    exactSize: (bytes: number) => `${count(bytes)} ${plural(bytes, 'byte', 'bytes')}`,
    showDetails: 'Show details',
    newFolderAction: 'New folder…',
    share: {
      open: 'Share link…',
      title: 'Share link',
      description: 'A link that lets anyone who has it download this object until it expires, without a key. It is signed on this computer; nothing is sent to COS.',
      object: 'Object',
      expiresIn: 'Expires in',
      unit: 'Unit',
      units: { minutes: 'minutes', hours: 'hours', days: 'days' },
      range: 'From 1 minute to 365 days. COS sets no limit of its own; longer-lived access is better given by a bucket policy.',
      outOfRange: 'Choose from 1 minute to 365 days.',
      submit: 'Create link',
      again: 'Create a new link',
      pending: 'Signing…',
      failed: 'Could not make the link.',
      link: 'Link',
      expiresAt: (when: string) => `Expires ${when}.`,
      copy: 'Copy link',
      keyExpiresFirst: (when: string) =>
        `This profile’s temporary key expires ${when}: the link stops working then, before the time chosen.`,
    },
    newFolder: {
      title: 'New folder',
      description: (where: string) => `The folder is made in ${where} as an empty object whose key ends in a slash, as the COS console does.`,
      name: 'Folder name',
      rulesLabel: 'Key rules',
      rules: {
        required: 'Not empty',
        noSlash: 'No slash (/): one folder at a time',
        noLeadingBackslash: 'Does not start with a backslash (\\) at the bucket’s root',
        allowedChars: 'No line breaks or control characters 0x18 to 0x1B',
        keyLength: (bytes: number, max: number) => `The whole key at most ${count(max)} bytes of UTF-8 (now ${count(bytes)})`,
      },
      key: 'Key',
      exists: 'A folder of this name is already here.',
      submit: 'Create folder',
      pending: 'Creating the folder…',
      failed: 'COS did not create the folder.',
    },
    details: {
      title: 'Object details',
      loading: 'Reading the object’s details…',
      loadError: (key: string) => `Could not read the details of ${key}.`,
      key: 'Key',
      size: 'Size',
      sizeValue: (bytes: number) => `${humanSize(bytes)} (${count(bytes)} ${plural(bytes, 'byte', 'bytes')})`,
      contentType: 'Content-Type',
      etag: 'ETag',
      crc64: 'CRC64',
      storageClass: 'Storage class',
      lastModified: 'Last modified',
      versionId: 'Version ID',
      metadata: 'Metadata (x-cos-meta-*)',
      noMetadata: 'None',
      notGiven: 'Not given',
      path: 'cos:// path',
      url: 'Object URL',
      urlHint: 'The object URL opens without a signature only where the object may be read publicly.',
      copyKey: 'Copy key',
      copyPath: 'Copy cos:// path',
      copyUrl: 'Copy object URL',
      share: 'Share link…',
    },
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
      /** With a bucket domain the limit does not change: COS counts it on its own host name. */
      hostLengthCosRule: (max: number, length: number) =>
        `At most ${max} characters with this APPID and region (now ${length}). Your profile uses its own bucket domain, but this limit still follows COS’s rule for its own host name, <name>-<APPID>.cos.<region>.myqcloud.com`,
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
    cosHostLength: (length: number) => `COS’s own host name: ${length} of 60 characters`,
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

  add: {
    title: 'Add bucket by name',
    description:
      'For a key that may not list buckets: COS Desk checks the bucket with HEAD, then keeps it in this profile’s list.',
    regionHint: 'The region the bucket was created in: a bucket answers only at its own region.',
    submit: 'Add',
    pending: 'Checking the bucket…',
    failed: 'The bucket was not added.',
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
    emptyFirst: 'Empty bucket…',
  },

  emptyBucket: {
    title: 'Empty bucket',
    description: 'Removes everything the bucket holds: objects, their old versions, delete markers and unfinished uploads. This cannot be undone.',
    counting: 'Counting what the bucket holds…',
    holds: 'The bucket holds:',
    isEmpty: 'The bucket is empty.',
    objects: (n: number) => `${count(n)} ${plural(n, 'object', 'objects')}`,
    noncurrentVersions: (n: number) => `${count(n)} noncurrent ${plural(n, 'version', 'versions')}`,
    deleteMarkers: (n: number) => `${count(n)} delete ${plural(n, 'marker', 'markers')}`,
    uploads: (n: number) => `${count(n)} unfinished multipart ${plural(n, 'upload', 'uploads')}`,
    countFailed: 'Could not count what the bucket holds.',
    confirm: 'Type the bucket name to confirm',
    confirmHint: (name: string) => `Type ${name} exactly.`,
    empty: 'Empty bucket',
    emptyAndDelete: 'Empty and delete',
    progressLabel: 'Emptying',
    progress: (done: number, total: number) => `Removed ${count(done)} of ${count(total)}…`,
    deleting: 'Deleting the bucket…',
    stop: 'Cancel',
    summary: 'Removed:',
    done: 'The bucket is empty.',
    cancelled: 'Stopped. What was removed stays removed; run it again to carry on.',
    failed: 'Emptying stopped.',
    carryOn: 'Carry on',
    refusedTitle: (n: number) => `COS refused to remove ${count(n)} ${plural(n, 'entry', 'entries')}:`,
    refusedMore: (n: number) => `and ${count(n)} more`,
    version: (id: string) => `version ${id}`,
    upload: (id: string) => `upload ${id}`,
    notDeleted: 'Some entries could not be removed, so the bucket was not deleted.',
    deleteFailed: 'The bucket is empty but was not deleted.',
  },

  deleteObjects: {
    title: 'Delete objects',
    description: 'Deleting cannot be undone. In a versioned bucket the objects stay as old versions.',
    counting: (prefix: string) => `Counting the objects in ${prefix}…`,
    countFailed: 'Could not count the objects in the folder.',
    willGo: 'These will be deleted:',
    folder: (prefix: string, n: number) => `${prefix} (folder, ${count(n)} ${plural(n, 'object', 'objects')})`,
    more: (n: number) => `and ${count(n)} more`,
    total: (n: number) => `${count(n)} ${plural(n, 'object', 'objects')} in all`,
    confirmCount: 'Type the number of objects to confirm',
    confirmCountHint: (n: number) => `Type ${n} exactly.`,
    confirmFolder: 'Type the folder name to confirm',
    confirmFolderHint: (name: string) => `Type ${name} exactly.`,
    submit: 'Delete objects',
    progressLabel: 'Deleting',
    progress: (done: number, total: number) => `Deleted ${count(done)} of ${count(total)}…`,
    stop: 'Cancel',
    done: (n: number) => `Deleted ${count(n)} ${plural(n, 'object', 'objects')}.`,
    cancelled: (n: number) => `Stopped after deleting ${count(n)} ${plural(n, 'object', 'objects')}.`,
    failed: 'Deleting stopped.',
    refusedTitle: (n: number) => `COS refused to delete ${count(n)} ${plural(n, 'object', 'objects')}:`,
    refusedMore: (n: number) => `and ${count(n)} more`,
  },

  copy: {
    requestId: 'Copy request ID',
    copied: 'Copied',
    manual: 'Could not copy: the ID is selected, press Ctrl+C (⌘C) to copy it.',
    refused: 'Could not copy: select the text and press Ctrl+C (⌘C).',
  },

  transfers: {
    upload: 'Upload',
    uploadFiles: 'Files…',
    uploadFolder: 'Folder…',
    download: 'Download',
    conflictLabel: 'If it exists',
    conflicts: { ask: 'Ask', skip: 'Skip', overwrite: 'Overwrite', keepBoth: 'Keep both', skipIfIdentical: 'Skip if identical' },
    dropHint: 'Drop files or folders here to upload them into this folder.',
    queued: (n: number) => `${count(n)} ${plural(n, 'transfer', 'transfers')} queued.`,
    nothingPicked: 'Nothing to download: select objects or folders first.',
    panel: 'Transfers',
    empty: 'No transfers yet. Upload or download from a bucket’s folder.',
    restored: 'Transfers from the last session are paused.',
    summary: (running: number, queued: number, total: number) => `${count(running)} running, ${count(queued)} queued, ${count(total)} in all`,
    more: (n: number) => `and ${count(n)} more`,
    concurrency: 'Transfers at once',
    pauseAll: 'Pause all',
    resumeAll: 'Resume all',
    clearFinished: 'Clear finished',
    columns: { name: 'Name', direction: 'Direction', size: 'Size', progress: 'Progress', speed: 'Speed', left: 'Time left', state: 'State', actions: 'Actions' },
    directions: { upload: 'Upload', download: 'Download' },
    states: {
      queued: 'Queued',
      running: 'Running',
      paused: 'Paused',
      asking: 'Exists',
      done: 'Done',
      failed: 'Failed',
      skipped: 'Skipped',
      cancelled: 'Cancelled',
    },
    doneSizeOnly: 'Done, checked by size only: the object has no CRC64',
    skippedIdentical: 'Skipped: identical',
    progress: (name: string) => `Progress of ${name}`,
    pause: 'Pause',
    resume: 'Resume',
    cancel: 'Cancel',
    retry: 'Retry',
    existsObject: 'An object with this key exists.',
    existsFile: 'A file with this name exists.',
    applyToAll: 'Apply to all',
    rowAction: (action: string, name: string) => `${action} ${name}`,
    badge: (running: number, queued: number) => (queued ? `${count(running)} running, ${count(queued)} queued` : `${count(running)} running`),
    badgeLabel: 'Transfers running',
    speed: humanSpeed,
    timeLeft: humanDuration,
    size: (bytes: number) => humanSize(bytes),
  },

  errors: {
    titles: {
      cos: 'COS refused the request.',
      network: 'Could not reach COS.',
      timeout: 'COS did not answer in time.',
      cancelled: 'Cancelled.',
      validation: 'Some values were not accepted.',
      session: 'You are not signed in.',
      internal: 'Something went wrong inside COS Desk.',
    } satisfies Record<AppError['kind'], string>,
    code: 'Code',
    status: 'HTTP status',
    message: 'Message from COS',
    requestId: 'Request ID',
    attempts: (n: number) => `COS Desk tried ${n} times before giving up.`,
    /** AccessDenied with this message is COS refusing the signature's time, not the key's permissions. */
    clockHint:
      'COS refused the request’s time: this computer’s clock is wrong. Fix the system clock (turn on automatic time), then try again.',
    accessDenied: (action: string | undefined) =>
      action
        ? `Your key lacks permission ${action}. Ask the account administrator to grant it in CAM, or use another key.`
        : 'Your key lacks the permission for this operation. Ask the account administrator to grant it in CAM.',
    /** What happened, for the codes the app raises itself; COS's own codes come with COS's message instead. */
    summaries: {
      ValidationError: (p) => (p.call ? `The ${p.call} request was not accepted.` : 'Some values were not accepted.'),
      SdkRefusedInput: () => 'The COS SDK refused the request before sending it.',
      NetworkError: (p) => `Could not reach COS: ${networkReason(String(p.reason ?? 'other'))}.`,
      Timeout: (p) => `No answer from COS within ${seconds(Number(p.waitedMs ?? 0))} s.`,
      Cancelled: () => 'The request was cancelled.',
      ServerError: (p) => `COS answered with a server error (5xx) after ${seconds(Number(p.waitedMs ?? 0))} s.`,
      NotSignedIn: () => 'Sign in first.',
      KeysNeeded: (p) => `The keys of profile “${p.profile}” are not saved on this computer: type them again.`,
      KeyExpired: (p) => `The temporary key of profile “${p.profile}” has expired: enter a new one.`,
      NoSuchProfile: () => 'This profile no longer exists.',
      MalformedResponse: (p) => `COS’s answer to the bucket list ended early or was not a bucket list, ${p.reads} times in a row.`,
      BucketOwnedInOtherRegion: (p) => `You already own a bucket named ${p.bucket}, but not in ${p.region}.`,
      BucketStillThere: (p) => `COS gave no clear answer to the delete of ${p.bucket} (${p.failure}). A check right after found the bucket still there: it was not deleted.`,
      OutcomeUnknown: (p) =>
        `COS gave no clear answer to the delete of ${p.bucket} (${p.failure}), and the check that followed could not tell whether the bucket is gone (${p.checkFailure}).`,
      UntrustedSender: () => 'This window may not call COS Desk.',
      UnknownChannel: () => 'COS Desk has no such call.',
      RouteRefused: (p) => `Nothing was sent: connecting to ${p.host}:${p.port} was not allowed.`,
      UnverifiedServerError: () => 'The server answered with an error of its own; its words are not shown until these keys are verified.',
      TransferNotFound: () => 'COS Desk no longer knows this transfer, file or folder.',
      SourceUnreadable: (p) => `The file could not be read (${p.reason}).`,
      SourceChanged: () => 'The file changed while it was being uploaded.',
      ChecksumMismatch: (p) => `The bytes do not match: COS holds CRC64 ${p.expected}, the copy has ${p.actual}.`,
      SizeMismatch: (p) => `The download ended with ${p.actual} of ${p.expected} bytes.`,
      UnsafeLocalName: (p) => `This key cannot be saved as a file in the chosen folder (${localNameReason(String(p.reason))}).`,
      LocalWriteFailed: (p) => `The file could not be written (${p.reason}).`,
      FileTooLarge: () => 'The file is larger than COS accepts (10,000 parts of 5 GB).',
      ObjectChanged: () => 'The object changed on COS while it was being downloaded.',
      TransferOfOtherProfile: () => 'This transfer belongs to another profile.',
      InternalError: (p) => (p.detail ? `Something went wrong inside COS Desk: ${p.detail}` : 'Something went wrong inside COS Desk. The app log has the details.'),
    } satisfies Record<AppErrorCode, (params: ErrorParams) => string>,
    /** What the user can do about an error, for every code the app knows. */
    hints: {
      AccessDenied: undefined,
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
      NoSuchKey: 'The object is no longer there: it may have been deleted or renamed. Refresh the folder.',
      InvalidBucketState: 'The bucket’s current state does not allow this. Wait a moment and try again.',
      NotSignedIn: 'Sign in again.',
      SlowDown: 'COS asked COS Desk to slow down. Wait a moment, then try again.',
      InternalError: 'Try again; if it keeps happening, restart COS Desk.',
      ServerError: 'COS had an internal error. Wait a moment, then try again.',
      ProxyAuthenticationRequired:
        'The proxy refused the request: check the proxy user name and password in the profile’s advanced settings.',
      MalformedResponse:
        'The answer from COS arrived cut short or garbled, even when asked again. Check your network or proxy, then try again.',
      BucketStillThere: 'Nothing was deleted. Try again when the connection is steady.',
      OutcomeUnknown: 'Refresh the list to see whether the bucket is still there before trying again.',
      BucketOwnedInOtherRegion: 'Bucket names are global: choose another name, or use the bucket you already have.',
      KeysNeeded: 'Open Profiles and type the keys of this profile again.',
      KeyExpired: 'The temporary key has expired. Enter a new one for this profile.',
      NoSuchProfile: 'The profile was deleted. Choose another one.',
      ValidationError: undefined,
      SdkRefusedInput: 'Try again; if it keeps happening, restart COS Desk.',
      NetworkError: 'Could not reach COS: check your network or proxy.',
      Timeout: 'Check your network or proxy, then try again.',
      Cancelled: undefined,
      UntrustedSender: undefined,
      UnknownChannel: undefined,
      TransferNotFound: 'Pick the files or the folder again.',
      SourceUnreadable: 'Check that the file is still there and readable, then retry.',
      SourceChanged: 'Retry once the file has stopped changing.',
      ChecksumMismatch: 'Nothing was kept as done. Retry: the transfer is sent again from the start.',
      SizeMismatch: 'Retry: the download carries on from the bytes it has.',
      UnsafeLocalName: undefined,
      LocalWriteFailed: 'Check the free space and the permissions of the folder, then retry.',
      FileTooLarge: undefined,
      ObjectChanged: 'Retry to download the object as it is now.',
      TransferOfOtherProfile: 'Switch to the profile that started it, then resume.',
      RouteRefused:
        'You did not allow this profile to connect to that address, so nothing was sent. If you typed the address yourself, try again and answer Yes.',
      UnverifiedServerError:
        'The server at this address is not COS, or not yet known to hold these keys, so only its code and status are shown. Check the endpoint and domains.',
    } satisfies Record<CosErrorCode | AppErrorCode, string | undefined>,
    /** For codes the app does not know (COS's rarer ones): a hint by the kind of failure. */
    kindHints: {
      cos: undefined,
      network: 'Could not reach COS: check your network or proxy.',
      timeout: 'Check your network or proxy, then try again.',
      cancelled: undefined,
      validation: undefined,
      session: 'Sign in again.',
      internal: 'Try again; if it keeps happening, restart COS Desk.',
    } satisfies Record<AppError['kind'], string | undefined>,
    /** Field problems: by the rule broken, or by zod's own check with its limit. */
    issues: {
      'bucket.fullName': 'Bucket must be written as <name>-<APPID>, for example photos-1250000000.',
      'folder.name.required': 'Enter a folder name.',
      'folder.name.noSlash': 'A folder name cannot contain a slash (/).',
      'folder.name.noLeadingBackslash': 'A key cannot start with a backslash (\\).',
      'folder.name.allowedChars': 'A key cannot contain line breaks or the control characters 0x18 to 0x1B.',
      'folder.name.keyLength': 'The folder’s key would be longer than 850 bytes.',
      'folder.prefix': 'The folder it goes in must end with a slash.',
      'bucket.name.required': 'Enter a bucket name.',
      'bucket.name.charset': 'Use lowercase letters, digits and hyphens only.',
      'bucket.name.hyphenEnds': 'The name cannot start or end with a hyphen.',
      'bucket.name.hostLength': 'The name is too long: <name>-<APPID>.cos.<region>.myqcloud.com must be at most 60 characters.',
      'bucket.appId': 'APPID is the number after the last hyphen of your bucket names.',
      'grantee.id': 'Account id must be a UIN or qcs::cam::uin/<owner>:uin/<sub>.',
      'region.format': 'Region must look like ap-guangzhou (letters, hyphens, optional -N or -fsi).',
      'profile.id': 'Unknown profile.',
      'alias.required': 'Enter a name for the profile.',
      'alias.controlChars': 'The profile name cannot contain control characters.',
      'secretId.required': 'Enter the SecretId.',
      'secretId.charset': 'SecretId has letters and digits only.',
      'secretKey.required': 'Enter the SecretKey.',
      'secretKey.noSpaces': 'SecretKey has no spaces.',
      'secretKey.retypeForNewSecretId': 'A new SecretId needs its SecretKey: type it.',
      'secretKey.retypeForNewRoute':
        'The endpoint, service domain, bucket domain, proxy or HTTPS setting changed: type the SecretKey again to send it there.',
      'secretKey.retypeLost': 'The saved SecretKey is gone: type it again.',
      'sessionToken.required': 'Enter the session token of the temporary key.',
      'sessionToken.noSpaces': 'Session token has no spaces.',
      'sessionToken.onlyTemporary': 'Only a temporary key has a session token and an expiry.',
      'expiresAt.format': 'Expiry must be a date and time.',
      'expiresAt.required': 'Enter when the temporary key expires.',
      'expiresAt.onlyTemporary': 'Only a temporary key (with a session token) expires.',
      'expiresAt.past': 'This expiry has already passed: get a new temporary key.',
      'endpoint.format': 'Endpoint must be host or host:port, without a scheme.',
      'serviceDomain.format': 'Service domain must be host or host:port, without a scheme.',
      'bucketDomain.format': 'Bucket domain must be a host name with {Bucket} (and optionally {Region}), without a scheme or path.',
      'proxyUrl.format': 'Proxy must be http://host:port or https://host:port, without a user name or path.',
      'proxyUsername.chars': 'The proxy user name cannot contain a colon or control characters.',
      'proxyPassword.chars': 'The proxy password cannot contain control characters.',
      'call.notFinite': 'Numbers must be finite.',
      'call.valueType': 'This kind of value is not accepted.',
      'call.tooDeep': 'Nested too deeply.',
      'call.tooMany': 'Too many values in one request.',
      'call.notPlain': 'Only plain objects, arrays, strings, numbers and booleans are accepted.',
      'call.id': 'The call id is not valid.',
    } satisfies Record<IssueRule, string>,
    /** zod's own checks, by its issue code. */
    checks: {
      too_big: (limit?: number) => (limit === undefined ? 'Too long or too large.' : `At most ${count(limit)}.`),
      too_small: (limit?: number) => (limit === undefined ? 'Too short or too small.' : `At least ${count(limit)}.`),
      invalid_type: () => 'Wrong kind of value.',
      unrecognized_keys: () => 'Not a field of this request.',
      other: () => 'Not accepted.',
    } as Record<string, (limit?: number) => string>,
    networkReasons: {
      ECONNREFUSED: 'the connection was refused',
      ECONNRESET: 'the connection was reset',
      ENOTFOUND: 'the host name could not be resolved',
      EAI_AGAIN: 'the host name could not be resolved right now',
      EHOSTUNREACH: 'the host is unreachable',
      ENETUNREACH: 'the network is unreachable',
      ECONNABORTED: 'the connection was aborted',
      EPIPE: 'the connection was closed while sending',
      ECANCELED: 'the request was cancelled',
    } as Record<string, string>,
  },
};

/** A system error code (ECONNREFUSED…) in words, or the code itself when it is a rarer one. */
function networkReason(code: string): string {
  const known = en.errors.networkReasons[code];
  return known ? `${known} (${code})` : code === 'other' ? 'the request failed' : `the request failed (${code})`;
}

/** Seconds to a tenth below ten, whole above: "0.6", "20". */
function seconds(ms: number): string {
  return String(ms < 10_000 ? Math.round(ms / 100) / 10 : Math.round(ms / 1000));
}

/** "12,000 objects", "3 folders and 12,000 objects", "200 folders": folders are named only when there are some. */
function entries(objects: number, folders: number): string {
  const things = `${count(objects)} ${plural(objects, 'object', 'objects')}`;
  if (!folders) return things;
  const places = `${count(folders)} ${plural(folders, 'folder', 'folders')}`;
  return objects ? `${places} and ${things}` : places;
}

function localNameReason(reason: string): string {
  const reasons: Record<string, string> = {
    dotName: 'it has a . or .. name',
    tooLong: 'the path would be too long',
    empty: 'it has no name',
    outside: 'it would be written outside the folder',
    notAFolder: 'a file stands where a folder is needed',
  };
  return reasons[reason] ?? reason;
}

/** "1.5 MB/s". */
function humanSpeed(bytesPerSecond: number): string {
  return `${humanSize(Math.round(bytesPerSecond))}/s`;
}

/** "45 s", "3 min", "2 h 5 min". */
function humanDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
}

const SIZE_UNITS = ['KB', 'MB', 'GB', 'TB', 'PB'];

/** 1,024-based, as the COS console shows sizes: "0 B", "999 B", "1.5 KB", "12 MB". */
function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? Math.round(value * 10) / 10 : Math.round(value)} ${SIZE_UNITS[unit]}`;
}

export type Messages = typeof en;
