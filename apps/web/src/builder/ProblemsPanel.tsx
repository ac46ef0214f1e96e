// The list of problems that stop publishing, each with a link to the trigger or step it is about.
import type { ErrorDetail } from '../api.ts';
import { CloseIcon } from '../ui/icons.tsx';
import { stepNumbers, type ZapDraft } from './draft.ts';
import { locateProblem } from './problems.ts';
import './builder.css';

export function ProblemsPanel({
  details,
  draft,
  publishFailed,
  onGoTo,
  onClose,
}: {
  details: ErrorDetail[];
  draft: ZapDraft;
  publishFailed: boolean;
  onGoTo: (key: string | null) => void;
  onClose: () => void;
}) {
  const numbers = stepNumbers(draft.steps);
  if (details.length === 0) {
    return (
      <div className="banner banner-success" role="status">
        <div className="banner-text">
          <p>No problems: the zap can be published.</p>
        </div>
        <button type="button" className="icon-button" aria-label="Hide" onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
    );
  }
  return (
    <section
      className={publishFailed ? 'banner banner-error problems-panel' : 'banner banner-warning problems-panel'}
      role={publishFailed ? 'alert' : 'region'}
      aria-label="Problems to fix"
    >
      <div className="banner-text">
        <p className="banner-title">
          {publishFailed ? 'The zap cannot be published yet: ' : ''}
          {details.length} problem{details.length === 1 ? '' : 's'} to fix
        </p>
        <ul className="problems-list">
          {details.map((detail) => {
            const target = locateProblem(detail, draft);
            const where = target.scope === 'trigger' ? 'Trigger' : target.scope === 'step' ? `Step ${numbers.get(target.key) ?? '?'}` : 'Zap';
            return (
              <li key={`${detail.path}:${detail.message}`}>
                <strong>{where}:</strong> {detail.message}{' '}
                {target.scope !== 'zap' && (
                  <button type="button" className="link-button" onClick={() => onGoTo(target.scope === 'step' ? target.key : null)}>
                    Go to {where.toLowerCase()}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </div>
      <button type="button" className="icon-button" aria-label="Hide the problems" onClick={onClose}>
        <CloseIcon />
      </button>
    </section>
  );
}
