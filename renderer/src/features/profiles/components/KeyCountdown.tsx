import { messages as m } from '@renderer/i18n';
import { useNow } from '../api/use-expiry';
import { formatRemaining } from '../expiry';

/** A temporary key's time left, ticking each second; not a live region, so screen readers are not flooded. */
export function KeyCountdown({ expiresAt }: { expiresAt: string }) {
  const deadline = Date.parse(expiresAt);
  const now = useNow(1000);
  const left = deadline - now;
  const expired = left <= 0;
  return (
    <time dateTime={expiresAt} className={expired ? 'countdown countdown--expired' : 'countdown'} title={m.profiles.expiresTitle(m.format.dateTime(deadline), m.format.relative(deadline, now))}>
      {expired ? m.profiles.expired : m.profiles.expiresIn(formatRemaining(left))}
    </time>
  );
}
