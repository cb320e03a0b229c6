import * as Dialog from '@radix-ui/react-dialog';
import { useRef, type ReactNode } from 'react';
import { messages as m } from '../i18n';

interface AppDialogProps {
  open: boolean;
  onOpenChange?: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  /** False for a dialog the user must complete (sign-in): no close button, Escape and outside clicks ignored. */
  dismissible?: boolean;
  /** Where focus goes on close when the element that opened the dialog is gone (a deleted row's button). */
  fallbackFocus?: () => HTMLElement | null;
  wide?: boolean;
  children: ReactNode;
}

/**
 * A modal dialog: Radix handles the focus trap, Escape and aria-hidden on the rest of the page.
 * The backdrop is our own element rather than Dialog.Overlay, whose scroll lock injects a <style> tag
 * that the strict CSP refuses; the app window does not scroll behind dialogs anyway.
 * Focus starts on the element marked data-autofocus, or the first field, and returns to the opener.
 */
export function AppDialog({
  open,
  onOpenChange,
  title,
  description,
  dismissible = true,
  fallbackFocus,
  wide,
  children,
}: AppDialogProps) {
  const contentRef = useRef<HTMLDivElement>(null);
  const openerRef = useRef<Element | null>(null);
  const refuse = dismissible ? undefined : (event: Event) => event.preventDefault();

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <div className="dialog-backdrop" />
        <Dialog.Content
          ref={contentRef}
          className={wide ? 'dialog dialog--wide' : 'dialog'}
          onOpenAutoFocus={(event) => {
            openerRef.current = document.activeElement;
            const target = contentRef.current?.querySelector<HTMLElement>('[data-autofocus]');
            if (target) {
              event.preventDefault();
              target.focus();
            }
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            const opener = openerRef.current;
            if (opener instanceof HTMLElement && opener.isConnected && opener !== document.body) opener.focus();
            else fallbackFocus?.()?.focus();
          }}
          onEscapeKeyDown={refuse}
          onPointerDownOutside={refuse}
          onInteractOutside={refuse}
        >
          <div className="dialog__header">
            <Dialog.Title className="dialog__title">{title}</Dialog.Title>
            {dismissible ? (
              <Dialog.Close className="icon-button" aria-label={m.app.close}>
                <span aria-hidden="true">×</span>
              </Dialog.Close>
            ) : null}
          </div>
          {description ? <Dialog.Description className="dialog__description">{description}</Dialog.Description> : null}
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** Closes the enclosing AppDialog; for Cancel buttons. */
export function DialogCancel({ children }: { children: ReactNode }) {
  return (
    <Dialog.Close type="button" className="button">
      {children}
    </Dialog.Close>
  );
}
