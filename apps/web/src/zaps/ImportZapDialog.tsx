// Imports a zap from exported JSON (a file or pasted text); connections are matched by app in this workspace.
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { ApiError } from '../api.ts';
import { Button } from '../ui/Button.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Field } from '../ui/Field.tsx';
import { Modal } from '../ui/Modal.tsx';
import { useCurrentWorkspace } from '../workspaces/current.tsx';
import type { Zap } from '@switchyard/contracts';
import { importZap } from './api.ts';

export function ImportZapDialog({ onClose, onImported }: { onClose: () => void; onImported: (zap: Zap) => void }) {
  const workspace = useCurrentWorkspace();
  const [text, setText] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const mutation = useMutation({ mutationFn: (document: unknown) => importZap(workspace.id, document), onSuccess: onImported });

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setText(await file.text());
    setLocalError(null);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      setLocalError(`This is not valid JSON: ${(error as Error).message}`);
      return;
    }
    mutation.mutate(document);
  };

  return (
    <Modal title="Import a zap" onClose={onClose}>
      <form className="form" noValidate onSubmit={submit}>
        <p className="modal-body">
          Choose a file exported from Switchyard, or paste its JSON. The zap is created off; each step gets this workspace’s account for its app when there is
          exactly one.
        </p>
        <ErrorBanner title="Could not import the zap" error={mutation.error} details={mutation.error instanceof ApiError ? mutation.error.details : []} />
        <Field label="File">
          {(control) => <input type="file" accept="application/json,.json" className="input" {...control} onChange={(event) => void readFile(event)} />}
        </Field>
        <Field label="Or paste the JSON" error={localError ?? undefined}>
          {(control) => (
            <textarea
              className="input input-mono json-input"
              rows={8}
              spellCheck={false}
              {...control}
              value={text}
              placeholder='{ "switchyard": 1, "zap": { … } }'
              onChange={(event) => {
                setText(event.target.value);
                setLocalError(null);
              }}
            />
          )}
        </Field>
        <div className="modal-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={mutation.isPending} disabled={text.trim() === ''}>
            Import
          </Button>
        </div>
      </form>
    </Modal>
  );
}
