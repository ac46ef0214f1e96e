// Shows a just-created API key's token, the one time it exists in the UI, with a copy button and a warning.
import { useEffect, useId, useRef } from 'react';
import { Button } from '../ui/Button.tsx';
import { CopyButton } from '../ui/CopyButton.tsx';
import type { CreatedApiKey } from './api.ts';
import './api-keys.css';

export function NewTokenPanel({ apiKey, onDone }: { apiKey: CreatedApiKey; onDone: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const tokenRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const tokenId = useId();
  const warningId = useId();

  // Move focus here so keyboard and screen reader users land on the token, not past it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key's id is what should move focus again: each new key, not each render.
  useEffect(() => headingRef.current?.focus(), [apiKey.id]);

  return (
    <section className="token-panel" aria-labelledby={titleId}>
      <h2 id={titleId} ref={headingRef} tabIndex={-1} className="token-panel-title">
        Your new API key “{apiKey.name}”
      </h2>
      <p id={warningId} className="token-panel-warning">
        <strong>Copy it now: it will not be shown again.</strong> Store it in a password manager or your secrets store. If you lose it, revoke it and create a
        new one.
      </p>
      <label htmlFor={tokenId} className="field-label">
        API key
      </label>
      <div className="token-row">
        <input
          ref={tokenRef}
          id={tokenId}
          className="input input-mono"
          readOnly
          value={apiKey.token}
          aria-describedby={warningId}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton
          text={apiKey.token}
          variant="primary"
          label="Copy key"
          onCopyFailed={() => {
            tokenRef.current?.focus();
            tokenRef.current?.select();
          }}
        />
      </div>
      <p className="token-panel-usage">
        Send it as <code>Authorization: Bearer &lt;key&gt;</code> when calling the Switchyard API.
      </p>
      <div className="token-panel-actions">
        <Button onClick={onDone}>I have stored it, hide the key</Button>
      </div>
    </section>
  );
}
