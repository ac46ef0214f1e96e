// Renames a step: its display name, and its key (references to it are rewritten so mapped data keeps working).
import { useState, type FormEvent } from 'react';
import type { Step } from '@switchyard/contracts';
import { Button } from '../ui/Button.tsx';
import { focusFirstInvalid, TextField } from '../ui/Field.tsx';
import { Modal } from '../ui/Modal.tsx';
import { keyProblem } from './draft.ts';

export function RenameStepDialog({
  step,
  steps,
  defaultTitle,
  onSave,
  onClose,
}: {
  step: Step;
  steps: Step[];
  defaultTitle: string;
  onSave: (names: { name: string; key: string }) => void;
  onClose: () => void;
}) {
  const [name, setName] = useState(step.name ?? '');
  const [key, setKey] = useState(step.key);
  const [submitted, setSubmitted] = useState(false);
  const problem = keyProblem(key.trim(), steps, step.key);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (problem) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    onSave({ name: name.trim(), key: key.trim() });
  };

  return (
    <Modal title="Rename the step" onClose={onClose}>
      <form className="form" noValidate onSubmit={submit}>
        <TextField
          label="Name"
          value={name}
          placeholder={defaultTitle}
          maxLength={200}
          hint="What the builder and the run history call the step. Empty uses what it does."
          onChange={(event) => setName(event.target.value)}
        />
        <TextField
          label="Key"
          className="input-mono-field"
          value={key}
          spellCheck={false}
          autoComplete="off"
          error={submitted || key !== step.key ? (problem ?? undefined) : undefined}
          hint={`Later steps read this step’s data as {{steps.${key || 'key'}.field}}. Changing it updates those references.`}
          onChange={(event) => setKey(event.target.value)}
        />
        <div className="modal-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary">
            Save
          </Button>
        </div>
      </form>
    </Modal>
  );
}
