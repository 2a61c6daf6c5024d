/**
 * Catches a render error in one region of the page and shows it with a way out, so one
 * broken view never blanks the whole page. "Try again" re-renders the region; "Reset the
 * world" also reloads the sample world (for an error caused by what the world contains).
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Icon } from '../components/Icon';
import { useT, type MessageKey } from '../i18n';

interface Props {
  readonly region: MessageKey;
  readonly onReset?: () => void;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

function Fallback({ error, region, retry, reset }: { error: Error; region: MessageKey; retry: () => void; reset?: () => void }) {
  const t = useT();
  return (
    <div className="error-box" role="alert">
      <Icon name="error" size={22} />
      <div>
        <p className="error-title">{t('error.title', { region: t(region) })}</p>
        <details>
          <summary>{t('error.details')}</summary>
          <pre>{error.message}</pre>
        </details>
        <div className="error-actions">
          <button type="button" className="button primary small" onClick={retry}>
            <Icon name="refresh" size={14} />
            {t('error.tryAgain')}
          </button>
          {reset ? (
            <button type="button" className="button secondary small" onClick={reset}>
              {t('error.reset')}
            </button>
          ) : null}
        </div>
      </div>
    </div>
  );
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept in the console for a bug report; the learner sees the message in the box.
    console.error(error, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: null });

  private readonly reset = () => {
    this.props.onReset?.();
    this.setState({ error: null });
  };

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <Fallback error={error} region={this.props.region} retry={this.retry} reset={this.props.onReset ? this.reset : undefined} />;
  }
}
