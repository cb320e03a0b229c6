import { useState } from 'react';

/**
 * The steps of changing one setting: a draft being edited, then reviewed, then sent; `done` once it went through
 * and the setting was read again. `sent()` is what the write's onSuccess calls.
 */
export function useSettingDraft<T>() {
  const [draft, setDraft] = useState<T | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const [done, setDone] = useState(false);
  return {
    draft,
    setDraft,
    reviewing,
    setReviewing,
    done,
    /** Starts editing from `value`, straight to the review when `review` is set (a delete, say). */
    start(value: T, review = false) {
      setDone(false);
      setDraft(value);
      setReviewing(review);
    },
    cancel() {
      setDraft(null);
      setReviewing(false);
    },
    sent() {
      setDraft(null);
      setReviewing(false);
      setDone(true);
    },
  };
}
