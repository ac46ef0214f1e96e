// The header's workspace picker: a disclosure listing the user's workspaces, plus "New workspace".
import { useEffect, useId, useRef, useState } from 'react';
import type { Membership } from '../auth/session.ts';
import { Link, navigate } from '../router.tsx';
import { Button } from '../ui/Button.tsx';
import { CheckIcon, ChevronDownIcon, PlusIcon } from '../ui/icons.tsx';
import { Modal } from '../ui/Modal.tsx';
import { NewWorkspaceForm } from './NewWorkspaceForm.tsx';
import { ROLE_LABELS } from './roles.ts';
import './workspaces.css';

export function WorkspaceSwitcher({
  workspaces,
  currentId,
  section,
}: {
  workspaces: Membership[];
  currentId: string;
  /** The section to stay on when switching, e.g. `members`. */
  section: string;
}) {
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const current = workspaces.find((workspace) => workspace.id === currentId);

  useEffect(() => {
    if (!open) return;
    const closeOnOutside = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutside);
    return () => document.removeEventListener('pointerdown', closeOnOutside);
  }, [open]);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keys and focus changes bubble up here from the button and links inside; the wrapper itself never takes focus.
    <div
      ref={rootRef}
      className="switcher"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
      onBlur={(event) => {
        if (!(event.relatedTarget instanceof Node) || !event.currentTarget.contains(event.relatedTarget)) {
          setOpen(false);
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="switcher-button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((isOpen) => !isOpen)}
      >
        <span className="visually-hidden">Workspace: </span>
        <span className="switcher-name">{current?.name ?? 'Choose a workspace'}</span>
        {current && <span className="switcher-role">{ROLE_LABELS[current.role]}</span>}
        <ChevronDownIcon />
      </button>
      <div id={listId} className="switcher-panel" hidden={!open}>
        <p className="switcher-heading">Your workspaces</p>
        <ul className="switcher-list">
          {workspaces.map((workspace) => (
            <li key={workspace.id}>
              <Link
                to={`/w/${encodeURIComponent(workspace.id)}/${section}`}
                className="switcher-item"
                aria-current={workspace.id === currentId ? 'true' : undefined}
                onClick={() => setOpen(false)}
              >
                <span className="switcher-item-name">{workspace.name}</span>
                <span className="switcher-item-role">{ROLE_LABELS[workspace.role]}</span>
                {workspace.id === currentId && <CheckIcon />}
              </Link>
            </li>
          ))}
        </ul>
        <Button
          variant="ghost"
          size="sm"
          className="switcher-new"
          onClick={() => {
            // Park focus on the switcher so closing the dialog returns it somewhere visible.
            buttonRef.current?.focus();
            setOpen(false);
            setCreating(true);
          }}
        >
          <PlusIcon /> New workspace
        </Button>
      </div>
      {creating && (
        <Modal title="New workspace" onClose={() => setCreating(false)}>
          <NewWorkspaceForm
            onCreated={(workspace) => {
              setCreating(false);
              navigate(`/w/${encodeURIComponent(workspace.id)}/zaps`);
            }}
            secondaryAction={<Button onClick={() => setCreating(false)}>Cancel</Button>}
          />
        </Modal>
      )}
    </div>
  );
}
