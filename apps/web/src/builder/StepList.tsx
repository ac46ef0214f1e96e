// A list of steps (the zap's, a loop's or a path's): numbered cards that open into their editors, with "add" between them.
import { Fragment, useId, useMemo } from 'react';
import type { Step } from '@switchyard/contracts';
import { AppBadge } from '../catalog/AppBadge.tsx';
import { TemplateScopeContext } from '../templates/scope.ts';
import { Button } from '../ui/Button.tsx';
import { cx } from '../ui/cx.ts';
import { ChevronRightIcon, PlusIcon } from '../ui/icons.tsx';
import { Menu } from '../ui/Menu.tsx';
import { useBuilder } from './context.ts';
import { childLists, flattenSteps, type ListAddress } from './draft.ts';
import { ActionEditor } from './editors/ActionEditor.tsx';
import { CodeStepEditor } from './editors/CodeEditorStep.tsx';
import { DelayEditor } from './editors/DelayEditor.tsx';
import { FilterEditor } from './editors/FilterEditor.tsx';
import { LoopEditor } from './editors/LoopEditor.tsx';
import { PathsEditor } from './editors/PathsEditor.tsx';
import { stepKindLabel, stepTitle } from './labels.ts';

export function StepList({ steps, address, emptyText, leadingInsert = false }: { steps: Step[]; address: ListAddress; emptyText?: string; leadingInsert?: boolean }) {
  const builder = useBuilder();
  return (
    <div className="step-list-wrap">
      {steps.length === 0 && emptyText && <p className="step-list-empty">{emptyText}</p>}
      <ol className="step-list">
        {leadingInsert && steps.length > 0 && <InsertHere address={address} index={0} after={1} />}
        {steps.map((step, index) => (
          <Fragment key={step.key}>
            <StepCard step={step} index={index} count={steps.length} />
            {index < steps.length - 1 && <InsertHere address={address} index={index + 1} after={builder.numbers.get(step.key) ?? index + 2} />}
          </Fragment>
        ))}
      </ol>
      {!builder.readOnly && (
        <Button className="add-step" onClick={() => builder.addStep(address, steps.length)}>
          <PlusIcon /> Add a step
        </Button>
      )}
    </div>
  );
}

function InsertHere({ address, index, after }: { address: ListAddress; index: number; after: number }) {
  const builder = useBuilder();
  return (
    <li className="step-connector" aria-hidden={builder.readOnly || undefined}>
      {!builder.readOnly && (
        <button type="button" className="connector-add" aria-label={`Add a step after step ${after}`} title="Add a step here" onClick={() => builder.addStep(address, index)}>
          <PlusIcon />
        </button>
      )}
    </li>
  );
}

function StepIcon({ step, label }: { step: Step; label: string }) {
  if (step.type === 'action') return <AppBadge appKey={step.app} name={label} />;
  return <span className={`kind-icon kind-icon-${step.type}`} aria-hidden="true" />;
}

export function StepCard({ step, index, count }: { step: Step; index: number; count: number }) {
  const builder = useBuilder();
  const bodyId = useId();
  const number = builder.numbers.get(step.key);
  const open = builder.isOpen(step.key);
  const title = stepTitle(step, builder.catalog);
  const kind = stepKindLabel(step, builder.catalog);
  const own = builder.problems.step(step.key).count;
  // A closed container says when a step inside it needs fixing too.
  const inside = useMemo(
    () => childLists(step).flatMap((list) => flattenSteps(list.steps)).filter((child) => builder.problems.stepKeys.has(child.key)).length,
    [step, builder.problems],
  );
  const problemCount = own + (open ? 0 : inside);
  const sources = useMemo(() => (open ? builder.sourcesFor(step.key) : []), [open, builder, step.key]);

  return (
    <li className={cx('step-node', open && 'step-node-open')} id={`step-${step.key}`}>
      <article className={cx('step-card', problemCount > 0 && builder.showProblems && 'step-card-problem')} aria-label={`Step ${number}: ${title}`}>
        <div className="step-head">
          <button type="button" className="step-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => builder.setOpen(step.key, !open)}>
            <ChevronRightIcon />
            <span className="step-number">{number}</span>
            <StepIcon step={step} label={kind} />
            <span className="step-heading">
              <span className="step-title">{title}</span>
              <span className="step-kind">
                {kind}
                {step.name ? ` · ${step.key}` : ''}
              </span>
            </span>
            {problemCount > 0 && (
              <span className="badge badge-warning">
                {problemCount} to fix<span className="visually-hidden"> before publishing</span>
              </span>
            )}
          </button>
          {!builder.readOnly && (
            <Menu
              label={`Actions for step ${number}: ${title}`}
              items={[
                { label: 'Rename', onSelect: () => builder.renameStep(step.key) },
                { label: 'Move up', onSelect: () => builder.edit({ type: 'move', key: step.key, delta: -1 }), disabled: index === 0 },
                { label: 'Move down', onSelect: () => builder.edit({ type: 'move', key: step.key, delta: 1 }), disabled: index === count - 1 },
                { label: 'Delete', onSelect: () => builder.deleteStep(step.key), danger: true },
              ]}
            />
          )}
        </div>
        {open && (
          <div id={bodyId} className="step-body">
            <TemplateScopeContext value={{ sources, readOnly: builder.readOnly }}>
              <StepEditor step={step} />
            </TemplateScopeContext>
          </div>
        )}
      </article>
    </li>
  );
}

function StepEditor({ step }: { step: Step }) {
  switch (step.type) {
    case 'action':
      return <ActionEditor step={step} />;
    case 'code':
      return <CodeStepEditor step={step} />;
    case 'filter':
      return <FilterEditor step={step} />;
    case 'paths':
      return <PathsEditor step={step} />;
    case 'delay':
      return <DelayEditor step={step} />;
    case 'loop':
      return <LoopEditor step={step} />;
  }
}
