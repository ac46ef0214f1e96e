// The centred card that frames the signed-out screens (sign up, log in).
import type { ReactNode } from 'react';
import { Logo } from '../ui/icons.tsx';
import { useDocumentTitle } from '../ui/Page.tsx';
import './auth.css';

export function AuthLayout({ title, subtitle, children, footer }: { title: string; subtitle?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="auth">
      <main className="auth-card">
        <p className="auth-brand">
          <Logo />
          <span>Switchyard</span>
        </p>
        <h1 className="auth-title">{title}</h1>
        {subtitle && <p className="auth-subtitle">{subtitle}</p>}
        {children}
      </main>
      {footer && <p className="auth-footer">{footer}</p>}
    </div>
  );
}
