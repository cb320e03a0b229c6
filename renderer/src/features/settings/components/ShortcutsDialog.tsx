import { Fragment } from 'react';
import { SHORTCUT_IDS, SHORTCUTS, chordLabel, isMacPlatform } from '@renderer/app/shortcuts/shortcuts';
import { AppDialog, DialogCancel } from '@renderer/components/AppDialog';
import { messages as m } from '@renderer/i18n';

/** Every shortcut with its keys, written for this platform. */
export function ShortcutsDialog({ onClose, mac = isMacPlatform() }: { onClose: () => void; mac?: boolean }) {
  const t = m.shortcuts;
  return (
    <AppDialog open onOpenChange={(open) => (open ? undefined : onClose())} title={t.title} description={t.description}>
      <table className="shortcuts">
        <thead>
          <tr>
            <th scope="col">{t.action}</th>
            <th scope="col">{t.keys}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUT_IDS.map((id) => (
            <tr key={id}>
              <th scope="row">{t.actions[id]}</th>
              <td>
                {SHORTCUTS[id].map((chord, i) => (
                  <Fragment key={i}>
                    {i > 0 ? ` ${t.or} ` : null}
                    <kbd>{chordLabel(chord, mac, t.keyNames)}</kbd>
                  </Fragment>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form__actions">
        <DialogCancel>{m.app.close}</DialogCancel>
      </div>
    </AppDialog>
  );
}
