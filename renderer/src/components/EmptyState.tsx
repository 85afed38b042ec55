import type { ReactNode } from 'react';
import './EmptyState.css';

export function EmptyState({ title, body, action }: { title?: string; body: string; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <div className="empty-state-mark" aria-hidden="true" />
      {title !== undefined && <h2>{title}</h2>}
      <p>{body}</p>
      {action}
    </div>
  );
}
