// A paths step: named branches, each with rules and its own steps; the first branch whose rules pass runs.
import { useState } from 'react';
import type { PathsStep } from '@switchyard/contracts';
import { ConditionEditor } from '../../conditions/ConditionEditor.tsx';
import { Button } from '../../ui/Button.tsx';
import { PlusIcon } from '../../ui/icons.tsx';
import { Menu } from '../../ui/Menu.tsx';
import { useFollow } from '../../ui/useFollow.ts';
import { useBuilder } from '../context.ts';
import { newPathsBranch } from '../draft.ts';
import { NO_PROBLEMS } from '../problems.ts';
import { StepList } from '../StepList.tsx';
import { StepProblems } from './common.tsx';
import '../builder.css';

type Branch = PathsStep['branches'][number];

function nextBranchName(branches: Branch[]): string {
  for (let code = 65; code < 91; code += 1) {
    const name = `Path ${String.fromCharCode(code)}`;
    if (!branches.some((branch) => branch.name === name)) return name;
  }
  return `Path ${branches.length + 1}`;
}

export function PathsEditor({ step }: { step: PathsStep }) {
  const builder = useBuilder();
  const problems = builder.showProblems ? builder.problems.step(step.key) : NO_PROBLEMS;
  const setBranches = (branches: Branch[]) => builder.edit({ type: 'step', key: step.key, step: { ...step, branches } });
  const setBranch = (index: number, branch: Branch) => setBranches(step.branches.map((current, i) => (i === index ? branch : current)));

  return (
    <div className="step-editor">
      <StepProblems problems={problems} claimed={['branches']} />
      <p className="field-hint">
        Paths are checked in order and the first one whose rules pass runs. A path without rules always runs: keep it last, as the fallback.
      </p>
      <ol className="branches">
        {step.branches.map((branch, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: branches have no id, and their name is edited in place; each head's own name follows its branch.
          <li key={index} className="branch">
            <BranchHead
              branch={branch}
              index={index}
              count={step.branches.length}
              siblings={step.branches}
              error={problems.at(`branches[${index}].name`)}
              onRename={(name) => setBranch(index, { ...branch, name })}
              onMove={(delta) => {
                const copy = [...step.branches];
                const [moved] = copy.splice(index, 1);
                if (moved) copy.splice(index + delta, 0, moved);
                setBranches(copy);
              }}
              onRemove={() => setBranches(step.branches.filter((_, i) => i !== index))}
            />
            <div className="branch-section">
              <h5 className="branch-section-title">Runs when</h5>
              <ConditionEditor
                name={branch.name}
                conditions={branch.conditions}
                problems={problems.under(`branches[${index}].conditions`)}
                emptyText="No rules: this path runs when no path above it does."
                onChange={(conditions) => setBranch(index, { ...branch, conditions })}
              />
            </div>
            <div className="branch-section">
              <h5 className="branch-section-title">Then</h5>
              <StepList steps={branch.steps} address={{ parent: step.key, branch: index }} emptyText="No steps in this path yet." />
            </div>
          </li>
        ))}
      </ol>
      {!builder.readOnly && (
        <div>
          <Button size="sm" onClick={() => setBranches([...step.branches, newPathsBranch(nextBranchName(step.branches))])}>
            <PlusIcon /> Add a path
          </Button>
        </div>
      )}
    </div>
  );
}

function BranchHead({
  branch,
  index,
  count,
  siblings,
  error,
  onRename,
  onMove,
  onRemove,
}: {
  branch: Branch;
  index: number;
  count: number;
  siblings: Branch[];
  error: string | undefined;
  onRename: (name: string) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const builder = useBuilder();
  // The name is kept locally while it is empty or taken, so the draft never holds an invalid one.
  const [name, setName] = useState(branch.name);
  useFollow(branch.name, (next) => {
    if (next !== name.trim()) setName(next);
  });
  const trimmed = name.trim();
  const local =
    trimmed === '' ? 'Give the path a name.' : siblings.some((other, i) => i !== index && other.name === trimmed) ? 'Another path has this name.' : null;
  const id = `branch-name-${index}`;
  return (
    <div className="branch-head">
      <div className="field grow">
        <label className="field-label" htmlFor={id}>
          Path {index + 1} name
        </label>
        <input
          id={id}
          className="input"
          value={name}
          aria-invalid={local || error ? true : undefined}
          readOnly={builder.readOnly}
          onChange={(event) => {
            setName(event.target.value);
            const next = event.target.value.trim();
            if (next !== '' && !siblings.some((other, i) => i !== index && other.name === next)) onRename(next);
          }}
        />
        {(local ?? error) && <p className="field-error">{local ?? error}</p>}
      </div>
      {!builder.readOnly && (
        <Menu
          label={`Actions for path ${branch.name}`}
          items={[
            { label: 'Move up', onSelect: () => onMove(-1), disabled: index === 0 },
            { label: 'Move down', onSelect: () => onMove(1), disabled: index === count - 1 },
            { label: 'Remove this path', onSelect: onRemove, danger: true, disabled: count <= 1 },
          ]}
        />
      )}
    </div>
  );
}
