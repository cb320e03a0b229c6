/** The Permissions view's call: what the active profile's requests met this session, action by action. */
import type { Permissions } from '@shared/request-log-contract';
import type { PermissionRecord } from '../request-log/permissions';
import type { SessionService } from './session-service';
import { notSignedIn } from './session-errors';

export class PermissionsService {
  constructor(
    private readonly session: Pick<SessionService, 'getSession'>,
    private readonly record: PermissionRecord,
  ) {}

  getPermissions(): Permissions {
    const state = this.session.getSession();
    if (!state.signedIn) throw notSignedIn();
    const { id, alias, temporary } = state.profile;
    return { profileId: id, profile: alias, temporaryKey: temporary, permissions: this.record.of(id) };
  }
}
