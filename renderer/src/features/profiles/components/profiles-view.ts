import type { KeysReason } from '../profile-form-model';

/** What the profiles dialog shows: the list, a form, or a delete confirmation. */
export type ProfilesView =
  | { kind: 'list' }
  | { kind: 'add' }
  | { kind: 'edit'; id: string; reason?: KeysReason; activate?: boolean }
  | { kind: 'delete'; id: string };

export const LIST_VIEW: ProfilesView = { kind: 'list' };
