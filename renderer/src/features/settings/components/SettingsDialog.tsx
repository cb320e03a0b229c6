import { useId, useState, type FormEvent } from 'react';
import {
  LANGUAGE_CHOICES,
  REQUEST_LOG_SIZE,
  THEMES,
  type LanguageChoice,
  type PreferencesState,
  type SetPreferencesInput,
  type Theme,
} from '@shared/preferences';
import { AppDialog, DialogCancel } from '@renderer/components/AppDialog';
import { ErrorDetails } from '@renderer/components/ErrorDetails';
import { Field } from '@renderer/components/Field';
import { messages as m } from '@renderer/i18n';
import { usePreferences, useSetPreferences } from '../api/use-preferences';

/** A whole number within the request log's bounds, or undefined. */
export function parseLogSize(text: string): number | undefined {
  const trimmed = text.trim().replace(/[,\s]/g, '');
  if (!/^\d{1,7}$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return n >= REQUEST_LOG_SIZE.min && n <= REQUEST_LOG_SIZE.max ? n : undefined;
}

/** Language, theme, request-log size and file logging: each change is kept and applied at once. */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const t = m.settings;
  const preferences = usePreferences();
  const save = useSetPreferences();

  return (
    <AppDialog open onOpenChange={(open) => (open ? undefined : onClose())} title={t.title} description={t.description}>
      {preferences.data ? (
        <SettingsForm state={preferences.data} onChange={(change) => save.mutate(change)} />
      ) : preferences.isError ? (
        <ErrorDetails error={preferences.error} title={t.loadFailed} />
      ) : (
        <p role="status">{m.app.loading}</p>
      )}
      {save.isError ? <ErrorDetails error={save.error} title={t.saveFailed} /> : null}
      <div className="form__actions">
        <DialogCancel>{m.app.close}</DialogCancel>
      </div>
    </AppDialog>
  );
}

function SettingsForm({ state, onChange }: { state: PreferencesState; onChange: (change: SetPreferencesInput) => void }) {
  const t = m.settings;
  const fileLoggingId = useId();
  const [size, setSize] = useState(String(state.requestLogSize));
  const parsedSize = parseLogSize(size);

  function commitSize(event?: FormEvent) {
    event?.preventDefault();
    if (parsedSize !== undefined && parsedSize !== state.requestLogSize) onChange({ requestLogSize: parsedSize });
  }

  return (
    <form className="form" onSubmit={commitSize} noValidate>
      <Field label={t.language}>
        {(control) => (
          <select
            {...control}
            data-autofocus
            className="select"
            value={state.language}
            onChange={(event) => onChange({ language: event.target.value as LanguageChoice })}
          >
            {LANGUAGE_CHOICES.map((choice) => (
              <option key={choice} value={choice} lang={choice === 'system' ? undefined : choice}>
                {t.languages[choice]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.theme}>
        {(control) => (
          <select {...control} className="select" value={state.theme} onChange={(event) => onChange({ theme: event.target.value as Theme })}>
            {THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {t.themes[theme]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t.requestLogSize}
        hint={t.requestLogSizeHint(REQUEST_LOG_SIZE.min, REQUEST_LOG_SIZE.max)}
        error={parsedSize === undefined ? t.requestLogSizeInvalid(REQUEST_LOG_SIZE.min, REQUEST_LOG_SIZE.max) : undefined}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            inputMode="numeric"
            value={size}
            onChange={(event) => setSize(event.target.value)}
            onBlur={() => commitSize()}
            autoComplete="off"
          />
        )}
      </Field>
      <div className="checkbox-field">
        <input
          id={fileLoggingId}
          type="checkbox"
          checked={state.fileLogging}
          onChange={(event) => onChange({ fileLogging: event.target.checked })}
          aria-describedby={`${fileLoggingId}-hint`}
        />
        <label htmlFor={fileLoggingId}>{t.fileLogging}</label>
        <p id={`${fileLoggingId}-hint`} className="field__hint">
          {t.fileLoggingHint}
        </p>
      </div>
    </form>
  );
}
