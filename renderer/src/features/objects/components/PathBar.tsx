import type { Ref } from 'react';
import { prefixSteps } from '@shared/object-location';
import { messages as m } from '@renderer/i18n';

interface PathBarProps {
  bucket: string;
  prefix: string;
  onOpen: (prefix: string) => void;
  /** The link of the open folder, for focus to land on after going somewhere from a row that is then gone. */
  currentRef?: Ref<HTMLAnchorElement>;
}

/** Where the view is: the bucket, then each folder down to the open one, each a link to go back there. */
export function PathBar({ bucket, prefix, onOpen, currentRef }: PathBarProps) {
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
                ref={current ? currentRef : undefined}
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
