import { Component, type ErrorInfo, type ReactNode } from 'react';
import { STRINGS, type Language } from '../i18n';

interface Props {
  language: Language;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/** A render error shows a message and a reload button, never a blank pane. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('PhuLuc:', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const t = STRINGS[this.props.language].crash;
    return (
      <div role="alert" style={{ padding: 16, fontFamily: 'Segoe UI, sans-serif' }}>
        <h1 style={{ fontSize: 18 }}>{t.title}</h1>
        <p>{t.next}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {t.reload}
        </button>
        <details>
          <summary>{STRINGS[this.props.language].technicalDetails}</summary>
          <pre style={{ whiteSpace: 'pre-wrap' }}>{`${error.name}: ${error.message}`}</pre>
        </details>
      </div>
    );
  }
}
