import { prefixSteps } from '@shared/object-location';
import { messages as m } from '@renderer/i18n';

interface PathBarProps {
  bucket: string;
  prefix: string;
  onOpen: (prefix: string) => void;
}

/** Where the view is: the bucket, then each folder down to the open one, each a link to go back there. */
export function PathBar({ bucket, prefix, onOpen }: PathBarProps) {
  const steps = [{ name: bucket, prefix: '' }, ...prefixSteps(prefix)];
  return (
    <nav aria-label={m.objects.pathLabel} className="path-bar">
      <ol className="path-bar__list">
        {steps.map((step, i) => {
          const current = i === steps.length - 1;
          return (
            <li key={step.prefix} className="path-bar__step">
              {i > 0 ? (
                <span className="path-bar__separator" aria-hidden="true">
                  /
                </span>
              ) : null}
              <a
                href="#"
                className="path-bar__link"
                aria-current={current ? 'location' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  onOpen(step.prefix);
                }}
              >
                {step.name || m.objects.emptySegment}
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
