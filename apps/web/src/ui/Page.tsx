// A page's heading, description and actions, and the browser tab title that goes with it.
import { useEffect, type ReactNode } from 'react';
import './ui.css';

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Switchyard`;
  }, [title]);
}

export function Page({ title, description, actions, children }: { title: string; description?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="page">
      <header className="page-header">
        <div className="page-heading">
          <h1>{title}</h1>
          {description && <p className="page-description">{description}</p>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </header>
      {children}
    </div>
  );
}
