// The builder bar's publish button and on/off switch.
import type { Zap } from '@switchyard/contracts';
import { Button } from '../ui/Button.tsx';
import { Switch } from '../ui/Switch.tsx';
import './builder.css';

export function PublishControls({
  zap,
  readOnly,
  publishing,
  unpublishing,
  onPublish,
  onUnpublish,
}: {
  zap: Zap;
  readOnly: boolean;
  publishing: boolean;
  unpublishing: boolean;
  onPublish: () => void;
  onUnpublish: () => void;
}) {
  const on = zap.status === 'on';
  return (
    <>
      {(!on || zap.draftDiffers) && (
        <Button variant="primary" busy={publishing} disabled={readOnly} onClick={onPublish}>
          {publishing ? 'Publishing…' : on ? 'Publish changes' : 'Publish'}
        </Button>
      )}
      {(on || zap.publishedVersion !== null) && (
        <Switch
          checked={on}
          label={on ? 'Zap is on: turn it off' : 'Zap is off: publish and turn it on'}
          busy={publishing || unpublishing}
          disabled={readOnly}
          onChange={(next) => (next ? onPublish() : onUnpublish())}
        />
      )}
    </>
  );
}
