import { Component, type ReactNode } from 'react';

interface Props {
  /** Changing this (the page name) clears a caught fault, so moving to another page recovers. */
  resetKey: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
  key: string;
}

/** A fault while drawing one page shows a sentence and keeps the rest of the workbench usable. */
export class PageBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="page empty" role="alert" data-testid="page-fault">
        <h2>This page could not be drawn</h2>
        <p className="muted">{this.state.error.message}</p>
        <p>Your workspace is unchanged. Choose another page, or reload the window.</p>
        <button onClick={() => this.setState({ error: null })}>Try again</button>
      </div>
    );
  }
}
