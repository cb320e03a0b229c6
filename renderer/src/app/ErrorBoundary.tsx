import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorDetails } from '../components/ErrorDetails';
import { messages as m } from '../i18n';

interface State {
  error: unknown;
}

/** Last resort for render errors: explain, and offer a reload instead of a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Render error', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="crash">
        <ErrorDetails error={this.state.error} title={m.app.crashed} />
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {m.app.reload}
        </button>
      </div>
    );
  }
}
