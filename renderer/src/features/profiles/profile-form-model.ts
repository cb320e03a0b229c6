/**
 * The profile form's values and how they become a call: what the user typed, checked with the contract's own
 * schema, plus the rules that depend on the situation (keys that must be typed again, an expiry in the past).
 */
import { saveProfileInputSchema, type ProfileSummary, type SaveProfileInput } from '@shared/contract';
import { DEFAULT_REGION } from '@shared/regions';
import type { Messages } from '@renderer/i18n';
import { fromLocalInput, toLocalInput } from './expiry';

export interface ProfileFormValues {
  alias: string;
  secretId: string;
  secretKey: string;
  temporary: boolean;
  sessionToken: string;
  /** As the datetime-local field holds it: local `YYYY-MM-DDTHH:mm`. */
  expiresAt: string;
  region: string;
  https: boolean;
  endpoint: string;
  serviceDomain: string;
  /** A template: `{Bucket}.cos.{Region}.example.com`. */
  bucketDomain: string;
  proxyUrl: string;
  proxyUsername: string;
  /** Never filled from a saved profile: left empty, the saved one is kept. */
  proxyPassword: string;
}

export type FormField = keyof Messages['signIn']['invalid'];

/** Why an existing profile's form is open: its keys are gone, or its temporary key expired. */
export type KeysReason = 'missing' | 'expired';

export const EMPTY_FORM: ProfileFormValues = {
  alias: '',
  secretId: '',
  secretKey: '',
  temporary: false,
  sessionToken: '',
  expiresAt: '',
  region: DEFAULT_REGION,
  https: true,
  endpoint: '',
  serviceDomain: '',
  bucketDomain: '',
  proxyUrl: '',
  proxyUsername: '',
  proxyPassword: '',
};

/** An existing profile's values; its keys are never in the renderer, so their fields start empty. */
export function formFromProfile(profile: ProfileSummary, reason?: KeysReason): ProfileFormValues {
  return {
    ...EMPTY_FORM,
    alias: profile.alias,
    temporary: profile.temporary,
    // An expired key is replaced as a whole: its old expiry is no use as a starting point.
    expiresAt: reason === 'expired' ? '' : toLocalInput(profile.expiresAt),
    region: profile.region,
    https: profile.https,
    endpoint: profile.endpoint ?? '',
    serviceDomain: profile.serviceDomain ?? '',
    bucketDomain: profile.bucketDomain ?? '',
    proxyUrl: profile.proxyUrl ?? '',
    proxyUsername: profile.proxyUsername ?? '',
  };
}

const optional = (value: string) => value.trim() || undefined;

export type FormCheck = { ok: true; input: SaveProfileInput } | { ok: false; invalid: FormField[] };

/** For a new profile (`id` undefined) every key is required; for an existing one, empty keeps what is saved. */
export function checkProfileForm(values: ProfileFormValues, id: string | undefined, reason: KeysReason | undefined, now = Date.now()): FormCheck {
  const expiresAt = values.temporary ? fromLocalInput(values.expiresAt) : undefined;
  const candidate = {
    ...(id ? { id } : {}),
    alias: optional(values.alias),
    secretId: optional(values.secretId),
    secretKey: values.secretKey || undefined,
    temporary: values.temporary,
    sessionToken: values.temporary ? optional(values.sessionToken) : undefined,
    expiresAt,
    region: values.region,
    https: values.https,
    endpoint: optional(values.endpoint),
    serviceDomain: optional(values.serviceDomain),
    bucketDomain: optional(values.bucketDomain),
    // Credentials mean nothing without a proxy to give them to.
    proxyUrl: optional(values.proxyUrl),
    proxyUsername: optional(values.proxyUrl) ? optional(values.proxyUsername) : undefined,
    proxyPassword: optional(values.proxyUrl) && optional(values.proxyUsername) ? values.proxyPassword || undefined : undefined,
  };
  const invalid = new Set<FormField>();
  const parsed = saveProfileInputSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && isFormField(field)) invalid.add(field);
    }
  }
  if (values.temporary && (expiresAt === undefined || Date.parse(expiresAt) <= now)) invalid.add('expiresAt');
  // A new SecretId goes with its own SecretKey; a profile whose keys are gone needs them typed again.
  if (id && candidate.secretId && !candidate.secretKey) invalid.add('secretKey');
  if (reason === 'missing' && !candidate.secretKey) invalid.add('secretKey');
  if (reason === 'expired' && values.temporary && !candidate.sessionToken) invalid.add('sessionToken');
  if (values.temporary && !id && !candidate.sessionToken) invalid.add('sessionToken');
  if (invalid.size > 0 || !parsed.success) return { ok: false, invalid: [...invalid] };
  return { ok: true, input: parsed.data };
}

const FORM_FIELDS: readonly FormField[] = [
  'alias',
  'secretId',
  'secretKey',
  'sessionToken',
  'expiresAt',
  'region',
  'endpoint',
  'serviceDomain',
  'bucketDomain',
  'proxyUrl',
  'proxyUsername',
  'proxyPassword',
];

export function isFormField(name: string): name is FormField {
  return (FORM_FIELDS as readonly string[]).includes(name);
}
