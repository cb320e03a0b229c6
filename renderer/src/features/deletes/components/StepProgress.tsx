/** A determinate progress bar with its words: screen readers hear the label, the count and the total. */
export function StepProgress({ label, done, total, text }: { label: string; done: number; total: number; text: string }) {
  // More may turn up than was counted (someone still writing): the bar never runs past its end.
  const max = Math.max(total, done, 1);
  return (
    <div className="step-progress">
      <progress aria-label={label} value={done} max={max} aria-valuenow={done} aria-valuemin={0} aria-valuemax={max} />
      <p role="status">{text}</p>
    </div>
  );
}
