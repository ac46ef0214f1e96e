// How steps and triggers are named on screen: the user's name if they gave one, else what the step does.
import type { Step, Trigger } from '@switchyard/contracts';
import type { Catalog } from '../catalog/api.ts';

export const STEP_KIND_LABELS: Record<Step['type'], string> = {
  action: 'Action',
  code: 'Code',
  filter: 'Filter',
  paths: 'Paths',
  delay: 'Delay',
  loop: 'Loop',
};

/** What the step does, without the user's name: "Create person in Pipedrive", "Run JavaScript". */
export function stepDefaultTitle(step: Step, catalog: Catalog): string {
  switch (step.type) {
    case 'action': {
      if (step.app === 'http') return 'HTTP request';
      const action = catalog.action(step.app, step.action);
      if (step.app === 'formatter') return `Format ${action?.name.toLowerCase() ?? step.action}`;
      return `${action?.name ?? step.action} in ${catalog.appName(step.app)}`;
    }
    case 'code':
      return 'Run JavaScript';
    case 'filter':
      return 'Only continue if…';
    case 'paths':
      return `Split into ${step.branches.length} path${step.branches.length === 1 ? '' : 's'}`;
    case 'delay':
      if (step.input.until) return 'Delay until a time';
      return step.input.for ? `Delay for ${step.input.for.amount} ${step.input.for.unit}` : 'Delay';
    case 'loop':
      return 'Loop over items';
  }
}

export function stepTitle(step: Step, catalog: Catalog): string {
  return step.name?.trim() || stepDefaultTitle(step, catalog);
}

/** The small line under a step's title: "Pipedrive · action", "Filter". */
export function stepKindLabel(step: Step, catalog: Catalog): string {
  if (step.type === 'action') return step.app === 'http' ? 'HTTP' : catalog.appName(step.app);
  return STEP_KIND_LABELS[step.type];
}

export function triggerTitle(trigger: Trigger, catalog: Catalog): string {
  return catalog.trigger(trigger.app, trigger.event)?.name ?? trigger.event;
}

/** Two letters for an app's badge: "Pi" for Pipedrive, "We" for Webhooks. */
export function appInitials(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length >= 2) return `${words[0]?.[0] ?? ''}${words[1]?.[0] ?? ''}`.toUpperCase();
  return name.slice(0, 2).replace(/^./, (char) => char.toUpperCase());
}
