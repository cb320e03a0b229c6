/**
 * Shortcut actions are registered by whatever screen can do them (the bucket list refreshes its list, the object
 * view its folder); one listener on the window runs the action of the screen registered last. An id nobody
 * registered does nothing: `requestLog` waits for the request log to register its opener.
 */
import { useEffect, useRef } from 'react';
import { isMacPlatform, ownsKeys, shortcutOf, type ShortcutId } from './shortcuts';

type Action = () => void;
const registered = new Map<ShortcutId, Action[]>();

/** Runs `action` on the shortcut while the calling component is mounted (and `enabled`). */
export function useShortcut(id: ShortcutId, action: Action, enabled = true): void {
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  useEffect(() => {
    if (!enabled) return;
    const run: Action = () => latest.current();
    const list = registered.get(id) ?? [];
    registered.set(id, [...list, run]);
    return () => {
      registered.set(id, (registered.get(id) ?? []).filter((a) => a !== run));
    };
  }, [id, enabled]);
}

/** The action a shortcut would run now, if a screen registered one. */
export function shortcutAction(id: ShortcutId): Action | undefined {
  return registered.get(id)?.at(-1);
}

/** Handles one key press: true when it was a shortcut that ran. */
export function handleShortcutKey(event: KeyboardEvent, mac: boolean = isMacPlatform()): boolean {
  if (event.defaultPrevented || event.isComposing || ownsKeys(event.target)) return false;
  const id = shortcutOf(event, mac);
  const action = id && shortcutAction(id);
  if (!action) return false;
  event.preventDefault();
  action();
  return true;
}

/** The one window listener; App mounts it. */
export function useShortcutListener(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => void handleShortcutKey(event);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
