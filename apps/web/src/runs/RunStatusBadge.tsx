// A run's or a step's status as a coloured badge with its word (colour is never the only signal).
import type { RunStatus } from '@switchyard/contracts';
import { cx } from '../ui/cx.ts';
import { RUN_STATUS_LABELS } from './api.ts';
import './runs.css';

const STEP_LABELS = { success: 'Success', error: 'Error', skipped: 'Skipped' } as const;

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return <span className={cx('badge', `badge-run-${status}`)}>{RUN_STATUS_LABELS[status] ?? status}</span>;
}

export function StepStatusBadge({ status }: { status: keyof typeof STEP_LABELS }) {
  return <span className={cx('badge', `badge-step-${status}`)}>{STEP_LABELS[status] ?? status}</span>;
}
