// An app action step (a connector action, an HTTP request or a formatter): account, inputs from the schema, test.
import { useState } from 'react';
import type { ActionStep } from '@switchyard/contracts';
import { AppBadge } from '../../catalog/AppBadge.tsx';
import { ConnectionPicker } from '../../connections/ConnectionPicker.tsx';
import { JsonField } from '../../forms/JsonField.tsx';
import { SchemaForm } from '../../forms/SchemaForm.tsx';
import { Button } from '../../ui/Button.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { ActionChooser } from '../AddStepDialog.tsx';
import { useBuilder } from '../context.ts';
import { NO_PROBLEMS } from '../problems.ts';
import { StepTest } from '../StepTest.tsx';
import { OnErrorField, StepProblems } from './common.tsx';
import { UnverifiedNote } from '../../catalog/UnverifiedNote.tsx';
import '../builder.css';

export function ActionEditor({ step }: { step: ActionStep }) {
  const builder = useBuilder();
  const { catalog } = builder;
  const [changing, setChanging] = useState(false);
  const app = catalog.app(step.app);
  const action = catalog.action(step.app, step.action);
  const problems = builder.showProblems ? builder.problems.step(step.key) : NO_PROBLEMS;
  const set = (patch: Partial<ActionStep>) => builder.edit({ type: 'step', key: step.key, step: { ...step, ...patch } });
  const appLabel = step.app === 'http' ? 'HTTP' : catalog.appName(step.app);

  return (
    <div className="step-editor">
      <StepProblems problems={problems} claimed={['input', 'connectionId', 'onError', 'app', 'action']} />
      <div className="step-app-row">
        <AppBadge appKey={step.app} name={appLabel} />
        <div className="step-app-text">
          <p className="step-app-name">
            {appLabel} · {action?.name ?? step.action}
          </p>
          {action?.description && <p className="field-hint">{action.description}</p>}
          <UnverifiedNote operation={action} />
          {(problems.at('app') ?? problems.at('action')) && <p className="field-error">{problems.at('app') ?? problems.at('action')}</p>}
          {!action && catalog.apps.length > 0 && <p className="field-error">This action is not in the app catalog. Choose another.</p>}
        </div>
        {!builder.readOnly && (
          <Button size="sm" onClick={() => setChanging(true)}>
            Change
          </Button>
        )}
      </div>
      {app?.auth && (
        <ConnectionPicker
          app={app}
          value={step.connectionId}
          readOnly={builder.readOnly}
          error={problems.at('connectionId')}
          onChange={(connectionId) => set({ connectionId })}
        />
      )}
      {action ? (
        <SchemaForm
          schema={action.inputSchema}
          value={step.input}
          onChange={(input) => set({ input: input as ActionStep['input'] })}
          problems={problems.under('input')}
          options={{
            workspaceId: builder.workspaceId,
            app: step.app,
            operation: { type: 'action', key: step.action },
            connectionId: step.connectionId,
            needsConnection: Boolean(app?.auth),
          }}
        />
      ) : (
        <JsonField label="Input" value={step.input} onChange={(input) => set({ input: (input ?? {}) as ActionStep['input'] })} error={problems.at('input')} />
      )}
      <OnErrorField value={step.onError} stepKey={step.key} error={problems.at('onError')} onChange={(onError) => set({ onError })} />
      <StepTest stepKey={step.key} sendsRequests={step.app === 'formatter' ? undefined : step.app === 'http' ? 'HTTP' : appLabel} />
      {changing && (
        <Modal title="Change the action" onClose={() => setChanging(false)}>
          <ActionChooser
            catalog={catalog}
            start={step.app === 'formatter' ? 'formatter' : step.app === 'http' ? { app: 'http' } : 'app'}
            onPick={(choice) => {
              setChanging(false);
              if (choice.app === step.app && choice.action === step.action) return;
              // Inputs belong to one action; the account stays when the app does.
              const { connectionId: _old, ...rest } = step;
              builder.edit({
                type: 'step',
                key: step.key,
                step: {
                  ...rest,
                  app: choice.app,
                  action: choice.action,
                  input: {},
                  ...(choice.app === step.app && step.connectionId ? { connectionId: step.connectionId } : {}),
                },
              });
            }}
          />
          <div className="modal-actions">
            <Button onClick={() => setChanging(false)}>Cancel</Button>
          </div>
        </Modal>
      )}
    </div>
  );
}
