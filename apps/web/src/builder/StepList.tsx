// A list of steps (the zap's, a loop's or a path's): numbered cards that open into their editors, with "add" between them,
// reordered by dragging a card onto another of the same list (or with "Move up"/"Move down" in its menu).
import { Fragment, useId, useMemo, useState, type DragEvent } from 'react';
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
import './builder.css';

/** Dragging within one list: the step being dragged, and the step it would take the place of. */
interface Drag {
  dragging: string | null;
  over: string | null;
  start(key: string): void;
  enter(key: string): void;
  drop(key: string): void;
  end(): void;
}

function useDrag(steps: Step[]): Drag {
  const builder = useBuilder();
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const indexOf = (key: string) => steps.findIndex((step) => step.key === key);
  return {
    dragging,
    over,
    start: (key) => setDragging(key),
    enter: (key) => setOver(key),
    drop(key) {
      if (dragging && dragging !== key && indexOf(dragging) >= 0 && indexOf(key) >= 0) {
        builder.edit({ type: 'move', key: dragging, delta: indexOf(key) - indexOf(dragging) });
      }
      setDragging(null);
      setOver(null);
    },
    end() {
      setDragging(null);
      setOver(null);
    },
  };
}

export function StepList({
  steps,
  address,
  emptyText,
  leadingInsert = false,
}: {
  steps: Step[];
  address: ListAddress;
  emptyText?: string;
  leadingInsert?: boolean;
}) {
  const builder = useBuilder();
  const drag = useDrag(steps);
  return (
    <div className="step-list-wrap">
      {steps.length === 0 && emptyText && <p className="step-list-empty">{emptyText}</p>}
      <ol className="step-list">
        {leadingInsert && steps.length > 0 && <InsertHere address={address} index={0} after={1} />}
        {steps.map((step, index) => (
          <Fragment key={step.key}>
            <StepCard step={step} index={index} count={steps.length} drag={drag} />
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
        <button
          type="button"
          className="connector-add"
          aria-label={`Add a step after step ${after}`}
          title="Add a step here"
          onClick={() => builder.addStep(address, index)}
        >
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

export function StepCard({ step, index, count, drag }: { step: Step; index: number; count: number; drag?: Drag }) {
  const builder = useBuilder();
  const bodyId = useId();
  const number = builder.numbers.get(step.key);
  const open = builder.isOpen(step.key);
  const title = stepTitle(step, builder.catalog);
  const kind = stepKindLabel(step, builder.catalog);
  const own = builder.problems.step(step.key).count;
  // A closed container says when a step inside it needs fixing too.
  const inside = useMemo(
    () =>
      childLists(step)
        .flatMap((list) => flattenSteps(list.steps))
        .filter((child) => builder.problems.stepKeys.has(child.key)).length,
    [step, builder.problems],
  );
  const problemCount = own + (open ? 0 : inside);
  const sources = useMemo(() => (open ? builder.sourcesFor(step.key) : []), [open, builder, step.key]);

  // Only a drag that started in this card's own list is taken; one from a nested or outer list passes through.
  const ours = (event: DragEvent) => {
    if (!drag?.dragging || builder.readOnly) return false;
    event.preventDefault();
    event.stopPropagation();
    return true;
  };
  const dropTarget = drag && drag.dragging !== null && drag.dragging !== step.key && drag.over === step.key;

  return (
    <li
      className={cx('step-node', open && 'step-node-open', drag?.dragging === step.key && 'step-node-dragging', dropTarget && 'step-node-drop')}
      id={`step-${step.key}`}
      onDragOver={(event) => {
        if (ours(event)) drag!.enter(step.key);
      }}
      onDrop={(event) => {
        if (ours(event)) drag!.drop(step.key);
      }}
    >
      <article className={cx('step-card', problemCount > 0 && builder.showProblems && 'step-card-problem')} aria-label={`Step ${number}: ${title}`}>
        <div className="step-head">
          {!builder.readOnly && drag && count > 1 && (
            <span
              className="step-drag"
              draggable
              title="Drag onto another step to move this one there"
              aria-hidden="true"
              data-testid={`drag-${step.key}`}
              onDragStart={(event) => {
                event.stopPropagation();
                event.dataTransfer.effectAllowed = 'move';
                // Some browsers start a drag only with data set.
                event.dataTransfer.setData('text/plain', step.key);
                drag.start(step.key);
              }}
              onDragEnd={() => drag.end()}
            />
          )}
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
