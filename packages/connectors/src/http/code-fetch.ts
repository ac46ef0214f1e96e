// Adapts the guarded client to the fetch bridge of code steps (the sandbox's `fetch` option).
import { isRedirect, type HttpClient } from './client.ts';
import { StepFailure, type RecordedRequest } from './errors.ts';

export interface CodeFetchRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** As in the Web fetch: 'follow' (the default), 'manual' (a redirect is the response) or 'error' (a redirect rejects). */
  redirect?: 'follow' | 'manual' | 'error';
}

export interface CodeFetchResponse {
  status: number;
  statusText: string;
  url: string;
  redirected: boolean;
  headers: Record<string, string>;
  body: string;
  requests: RecordedRequest[];
}

export interface CodeFetchOptions {
  /** Redacted from the recorded requests (the workspace's secrets that code may use). */
  secrets?: readonly string[];
  /**
   * Retries inside one fetch call. Off by default: the code step's wall-clock limit is short, and
   * user code sees every status and decides for itself.
   */
  retry?: boolean;
}

/**
 * A fetch for code steps. Every status comes back as a response, as in the Web fetch; refusals,
 * timeouts, network failures and a redirect the request said is an error reject with a StepFailure carrying the
 * recorded requests. With redirect 'manual' the redirect itself is the response (status and location), as fetch
 * gives it on a server.
 */
export function createCodeFetch(
  client: HttpClient,
  options: CodeFetchOptions = {},
): (request: CodeFetchRequest, init?: { signal?: AbortSignal }) => Promise<CodeFetchResponse> {
  return async (request, init) => {
    const response = await client.request({
      method: request.method,
      url: request.url,
      headers: request.headers,
      ...(request.body !== undefined ? { body: { type: 'text', value: request.body, contentType: 'text/plain;charset=UTF-8' } } : {}),
      responseType: 'text',
      httpErrors: 'return',
      followRedirects: (request.redirect ?? 'follow') === 'follow',
      retry: options.retry ? {} : false,
      ...(options.secrets ? { secrets: options.secrets } : {}),
      ...(init?.signal ? { signal: init.signal } : {}),
    });
    if (request.redirect === 'error' && isRedirect(response)) {
      throw new StepFailure(`${new URL(response.url).host} answered ${response.status} with a redirect, and the request said redirect: 'error'`, {
        transient: false,
        code: 'INVALID_RESPONSE',
        requests: response.requests,
      });
    }
    return {
      status: response.status,
      statusText: response.statusText,
      url: response.url,
      redirected: response.redirected,
      headers: response.headers,
      body: typeof response.body === 'string' ? response.body : '',
      requests: response.requests,
    };
  };
}
