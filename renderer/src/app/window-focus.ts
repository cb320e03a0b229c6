import { focusManager } from '@tanstack/react-query';

/**
 * React Query refetches stale data when the page becomes visible again. A desktop window stays visible while the
 * user works in another app, so coming back to it (the window's focus event) counts as well.
 */
export function refetchOnWindowFocus(): void {
  focusManager.setEventListener((handleFocus) => {
    // Called without an argument, handleFocus asks React Query to look again: stale queries on screen refetch.
    const onFocus = () => handleFocus();
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onFocus);
    return () => {
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onFocus);
    };
  });
}
