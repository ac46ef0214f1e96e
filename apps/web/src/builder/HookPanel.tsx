// A catch hook's URL with a copy button, and "wait for a request": listen, poll for samples, show what arrived.
import { useEffect, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button } from '../ui/Button.tsx';
import { CopyButton } from '../ui/CopyButton.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Time } from '../ui/Time.tsx';
import { useCountdown } from '../ui/useCountdown.ts';
import { hookSamples, listenForSamples, sampleMethod, type HookSample } from '../zaps/api.ts';
import { useBuilder } from './context.ts';
import './builder.css';

const POLL_MS = 2000;

function formatCountdown(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function HookPanel() {
  const { workspaceId, zapId, zap, test, readOnly, flush } = useBuilder();
  const [deadline, setDeadline] = useState<number | null>(null);
  const [pollError, setPollError] = useState<Error | null>(null);
  const [arrived, setArrived] = useState<HookSample | null>(null);
  const knownIds = useRef<Set<string>>(new Set());
  const urlRef = useRef<HTMLInputElement>(null);
  const secondsLeft = useCountdown(deadline);
  const listening = deadline !== null && secondsLeft > 0;

  const listen = useMutation({
    mutationFn: async () => {
      // The hook URL exists once the zap with its catch-hook trigger is saved.
      await flush();
      return listenForSamples(workspaceId, zapId);
    },
    onSuccess: ({ listeningUntil }) => {
      knownIds.current = new Set(test.samples.map((sample) => sample.id));
      setArrived(null);
      setPollError(null);
      setDeadline(Date.parse(listeningUntil) || Date.now() + 5 * 60_000);
    },
  });

  useEffect(() => {
    if (!listening) return;
    let stopped = false;
    const poll = async () => {
      try {
        const { data } = await hookSamples(workspaceId, zapId);
        if (stopped) return;
        setPollError(null);
        test.setSamples(data);
        const fresh = data.find((sample) => !knownIds.current.has(sample.id));
        if (fresh) {
          setArrived(fresh);
          test.chooseSample(fresh);
          setDeadline(null);
        }
      } catch (error) {
        if (!stopped) setPollError(error as Error);
      }
    };
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
    // Both test-data callbacks keep their identity across renders, so the timer is not reset by re-rendering.
  }, [listening, workspaceId, zapId, test.setSamples, test.chooseSample]);

  const hookUrl = zap.hookUrl;
  const chosenId = test.trigger?.sampleId;

  return (
    <div className="hook-panel">
      <div className="field">
        <label className="field-label" htmlFor="hook-url">
          Your webhook URL
        </label>
        {hookUrl ? (
          <div className="token-row">
            <input
              ref={urlRef}
              id="hook-url"
              className="input input-mono"
              readOnly
              value={hookUrl}
              onFocus={(event) => event.currentTarget.select()}
              aria-describedby="hook-url-hint"
            />
            <CopyButton
              text={hookUrl}
              label="Copy URL"
              onCopyFailed={() => {
                urlRef.current?.focus();
                urlRef.current?.select();
              }}
            />
          </div>
        ) : (
          <p className="muted">The URL appears as soon as the zap is saved.</p>
        )}
        <p id="hook-url-hint" className="field-hint">
          Paste it where your service sends webhooks. Any method; JSON, form or text bodies. While the zap is off, only requests sent while you wait for one
          below are kept, as test data.
        </p>
      </div>

      {hookUrl && (
        <details className="curl-example">
          <summary>Send a test request from a terminal</summary>
          <pre className="json-text">{`curl -X POST '${hookUrl}' \\\n  -H 'content-type: application/json' \\\n  -d '{"name": "Jane Doe", "email": "jane@example.com"}'`}</pre>
        </details>
      )}

      <div className="hook-listen">
        {listening ? (
          <>
            <p className="listening" role="status">
              <span className="spinner" aria-hidden="true" /> Waiting for a request… <span className="muted">({formatCountdown(secondsLeft)} left)</span>
            </p>
            <Button size="sm" onClick={() => setDeadline(null)}>
              Stop waiting
            </Button>
          </>
        ) : (
          <Button variant="primary" busy={listen.isPending} disabled={readOnly} onClick={() => listen.mutate()}>
            {test.samples.length > 0 ? 'Wait for another request' : 'Wait for a request'}
          </Button>
        )}
        {deadline !== null && !listening && !arrived && <p className="muted">No request arrived in time. Send one and wait again.</p>}
      </div>
      <ErrorBanner title="Could not start listening" error={listen.error} />
      <ErrorBanner title="Could not check for requests" error={pollError} />
      {arrived && (
        <p className="form-success" role="status">
          Request received <Time value={arrived.receivedAt} relative />. It is now the trigger’s test data.
        </p>
      )}

      {test.samples.length > 0 && (
        <div className="samples">
          <h4 className="record-heading">Received requests</h4>
          <ul className="sample-list" role="list">
            {test.samples.slice(0, 10).map((sample) => (
              <li key={sample.id} className="sample">
                <span className="request-method">{sampleMethod(sample) ?? 'EVENT'}</span>
                <Time value={sample.receivedAt} withTime />
                {chosenId === sample.id ? (
                  <span className="badge badge-success">Test data</span>
                ) : (
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => test.chooseSample(sample)}
                    aria-label={`Use the ${sampleMethod(sample) ?? ''} request of ${new Date(sample.receivedAt).toLocaleString()}`}
                  >
                    Use this request
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
