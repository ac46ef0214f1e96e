// Copies a text to the clipboard and says so; explains what to do when the browser refuses.
import { useEffect, useState } from 'react';
import { Button, type ButtonProps } from './Button.tsx';
import './ui.css';

type CopyState = 'idle' | 'copied' | 'failed';

export type CopyButtonProps = Omit<ButtonProps, 'onClick' | 'children'> & {
  text: string;
  label?: string;
  /** Called when the clipboard is unavailable (e.g. plain http), so the caller can select the text instead. */
  onCopyFailed?: () => void;
};

export function CopyButton({ text, label = 'Copy', onCopyFailed, ...button }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      // navigator.clipboard is missing outside secure contexts even though the DOM types promise it.
      if (typeof navigator.clipboard?.writeText !== 'function') throw new Error('clipboard unavailable');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
      onCopyFailed?.();
    }
  };

  return (
    <span className="copy">
      <Button {...button} onClick={() => void copy()}>
        {state === 'copied' ? 'Copied' : label}
      </Button>
      <span className={state === 'failed' ? 'copy-status copy-status-failed' : 'visually-hidden'} role="status">
        {state === 'copied' && 'Copied to the clipboard.'}
        {state === 'failed' && 'Could not copy. Select the text and copy it yourself.'}
      </span>
    </span>
  );
}
