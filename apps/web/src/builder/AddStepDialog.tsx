// Adding a step: choose its kind, and for an app action the app and the action, then it is inserted ready to fill in.
import { useState } from 'react';
import { STEP_TYPE_APPS, type AppManifest, type Catalog } from '../catalog/api.ts';
import { AppBadge } from '../catalog/AppBadge.tsx';
import { AppPicker, OperationPicker } from '../catalog/AppPicker.tsx';
import { Button } from '../ui/Button.tsx';
import { ArrowLeftIcon, ChevronRightIcon } from '../ui/icons.tsx';
import { Modal } from '../ui/Modal.tsx';
import { NEW_STEP_KINDS, type NewStepKind } from './new-step.ts';
import './builder.css';

export type StepChoice = { kind: NewStepKind; app?: string; action?: string };

/** Apps whose actions are offered under "Action in an app": connectors, not the built-ins with their own kind. */
export function actionApps(catalog: Catalog): AppManifest[] {
  return catalog.apps.filter((app) => app.actions.length > 0 && !STEP_TYPE_APPS.includes(app.key) && app.key !== 'http' && app.key !== 'formatter');
}

type Stage = { name: 'kind' } | { name: 'app' } | { name: 'action'; app: AppManifest };

export function ActionChooser({
  catalog,
  start,
  onPick,
  onBack,
}: {
  catalog: Catalog;
  start: 'app' | 'formatter' | { app: string };
  onPick: (choice: { app: string; action: string }) => void;
  onBack?: (() => void) | undefined;
}) {
  const initialApp = start === 'formatter' ? catalog.app('formatter') : typeof start === 'object' ? catalog.app(start.app) : undefined;
  const [app, setApp] = useState<AppManifest | null>(initialApp ?? null);
  if (!app) {
    return (
      <div className="chooser">
        {onBack && (
          <Button size="sm" variant="ghost" onClick={onBack}>
            <ArrowLeftIcon /> Step types
          </Button>
        )}
        <h3 className="chooser-title">Choose the app</h3>
        <AppPicker apps={actionApps(catalog)} onPick={setApp} autoFocus describe={(candidate) => candidate.actions.map((action) => action.name).join(', ')} />
      </div>
    );
  }
  return (
    <div className="chooser">
      <div className="chooser-head">
        {(start === 'app' || onBack) && (
          <Button size="sm" variant="ghost" onClick={() => (start === 'app' ? setApp(null) : onBack?.())}>
            <ArrowLeftIcon /> {start === 'app' ? 'Apps' : 'Step types'}
          </Button>
        )}
        <h3 className="chooser-title">
          <AppBadge appKey={app.key} name={app.name} size="sm" /> {app.name}: choose the action
        </h3>
      </div>
      <OperationPicker operations={app.actions} label="Search actions" autoFocus onPick={(action) => onPick({ app: app.key, action: action.key })} />
    </div>
  );
}

export function AddStepDialog({ catalog, onPick, onClose }: { catalog: Catalog; onPick: (choice: StepChoice) => void; onClose: () => void }) {
  const [stage, setStage] = useState<Stage | { name: 'formatter' }>({ name: 'kind' });
  const hasFormatter = catalog.app('formatter') !== undefined;
  return (
    <Modal title="Add a step" onClose={onClose}>
      {stage.name === 'kind' && (
        <ul className="option-list" role="list">
          {NEW_STEP_KINDS.filter((option) => option.kind !== 'formatter' || hasFormatter).map((option) => (
            <li key={option.kind}>
              <button
                type="button"
                className="option"
                onClick={() => {
                  if (option.kind === 'action') setStage({ name: 'app' });
                  else if (option.kind === 'formatter') setStage({ name: 'formatter' });
                  else
                    onPick({
                      kind: option.kind,
                      ...(option.kind === 'http' ? { app: 'http', action: catalog.app('http')?.actions[0]?.key ?? 'request' } : {}),
                    });
                }}
              >
                <span className={`kind-icon kind-icon-${option.kind}`} aria-hidden="true" />
                <span className="option-text">
                  <span className="option-name">{option.name}</span>
                  <span className="option-description">{option.description}</span>
                </span>
                <ChevronRightIcon />
              </button>
            </li>
          ))}
        </ul>
      )}
      {stage.name === 'app' && (
        <ActionChooser catalog={catalog} start="app" onBack={() => setStage({ name: 'kind' })} onPick={(choice) => onPick({ kind: 'action', ...choice })} />
      )}
      {stage.name === 'formatter' && (
        <ActionChooser
          catalog={catalog}
          start="formatter"
          onBack={() => setStage({ name: 'kind' })}
          onPick={(choice) => onPick({ kind: 'formatter', ...choice })}
        />
      )}
      <div className="modal-actions">
        <Button onClick={onClose}>Cancel</Button>
      </div>
    </Modal>
  );
}
