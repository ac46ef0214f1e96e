// Choosing what starts a zap: an app with triggers, then one of its events, each with its description.
import { useState } from 'react';
import type { AppManifest, Catalog, TriggerOperation } from '../catalog/api.ts';
import { AppBadge } from '../catalog/AppBadge.tsx';
import { AppPicker, OperationPicker } from '../catalog/AppPicker.tsx';
import { Button } from '../ui/Button.tsx';
import { ArrowLeftIcon } from '../ui/icons.tsx';
import './builder.css';

const KIND_HINTS: Record<TriggerOperation['kind'], string> = {
  hook: 'Instant: a request to the zap’s own URL starts it.',
  app_webhook: 'Instant: the service calls Switchyard when it happens.',
  polling: 'Checked every minute.',
  schedule: 'On a schedule.',
  manual: 'When you click “Run now”.',
};

export function TriggerChooser({
  catalog,
  current,
  onPick,
}: {
  catalog: Catalog;
  current?: { app: string; event: string } | undefined;
  onPick: (app: AppManifest, trigger: TriggerOperation) => void;
}) {
  const [app, setApp] = useState<AppManifest | null>(() => (current ? (catalog.app(current.app) ?? null) : null));
  const withTriggers = catalog.apps.filter((candidate) => candidate.triggers.length > 0);

  if (!app) {
    return (
      <div className="chooser">
        <h3 className="chooser-title">Choose the app where it starts</h3>
        <AppPicker apps={withTriggers} onPick={setApp} autoFocus describe={(candidate) => `${candidate.triggers.map((trigger) => trigger.name).join(', ')}`} />
      </div>
    );
  }
  return (
    <div className="chooser">
      <div className="chooser-head">
        <Button size="sm" variant="ghost" onClick={() => setApp(null)} aria-label="Back to the apps">
          <ArrowLeftIcon /> Apps
        </Button>
        <h3 className="chooser-title">
          <AppBadge appKey={app.key} name={app.name} size="sm" /> {app.name}: choose the event
        </h3>
      </div>
      <OperationPicker
        operations={app.triggers.map((trigger) => ({ ...trigger, description: `${trigger.description} ${KIND_HINTS[trigger.kind] ?? ''}`.trim() }))}
        selected={current?.app === app.key ? current.event : undefined}
        label="Search events"
        autoFocus
        onPick={(trigger) => onPick(app, app.triggers.find((candidate) => candidate.key === trigger.key) ?? trigger)}
      />
    </div>
  );
}
