// What runs now compared with the draft: turned off by Switchyard, draft differs, on, or off after an earlier publish.
import type { Zap } from '@switchyard/contracts';
import './builder.css';

export function PublicationNotice({ zap }: { zap: Zap }) {
  if (zap.disabledReason) {
    return (
      <div className="banner banner-error" role="note">
        <div className="banner-text">
          <p className="banner-title">Switchyard turned this zap off</p>
          <p>{zap.disabledReason}</p>
        </div>
      </div>
    );
  }
  if (zap.status === 'on' && zap.draftDiffers) {
    return (
      <div className="banner banner-warning" role="note">
        <div className="banner-text">
          <p>
            <strong>The draft differs from what runs.</strong> The zap keeps running version {zap.publishedVersion} until you publish the changes.
          </p>
        </div>
      </div>
    );
  }
  if (zap.status === 'on') {
    return (
      <p className="builder-note">
        <span className="badge badge-success">On</span> Running version {zap.publishedVersion}, the same as this draft.
        {zap.lastError && <span className="muted"> Last error: {zap.lastError}</span>}
      </p>
    );
  }
  if (zap.publishedVersion !== null) {
    return (
      <p className="builder-note">
        <span className="badge">Off</span> Version {zap.publishedVersion} was published before; publish to turn the zap on again.
      </p>
    );
  }
  return null;
}
