// The trusted script that prepares each fresh context before user code: console, fetch and the result envelope.

/** The name of the one-shot global the user script calls; it deletes itself on first use. */
export const executeGlobal = '__switchyard_execute';

/** The global the host sets to the run's input as JSON just before the user script; read once and deleted. */
export const inputGlobal = '__switchyard_input';

/** File name V8 gives the user's code in stack traces and syntax errors. */
export const userFilename = 'code.js';

/**
 * Runs in the isolate. Evaluates to `install(log, fetch, limitsJson)`, which captures the host hooks
 * in a closure (they never sit on the global object), installs `console` and `fetch`, removes
 * globals a data transform has no use for (shared memory and high-resolution timing tools), and
 * defines the one-shot `__switchyard_execute(fn)`: it reads the input the host left in
 * `__switchyard_input`, runs the user's function and returns a JSON string:
 * {"ok":true,"output":...} or {"ok":false,"code":...,"error":{name,message,stack}}.
 * Installing happens ahead of the run, while the isolate is idle.
 *
 * Plain ES2024 on purpose: it is compiled by the isolate's V8, not by our toolchain. Option objects
 * handed to isolated-vm have null prototypes so that a polluted Object.prototype cannot change them.
 */
export const runtimeSource = String.raw`(function install(hostLog, hostFetch, limitsJson) {
  'use strict';
  const g = globalThis;
  const limits = JSON.parse(limitsJson);
  const parse = JSON.parse;
  const stringify = JSON.stringify;
  const ErrorCtor = Error;
  const TypeErrorCtor = TypeError;
  const StringCtor = String;
  const ArrayIsArray = Array.isArray;
  const ObjectKeys = Object.keys;
  const ObjectFreeze = Object.freeze;
  const ObjectDefineProperty = Object.defineProperty;
  const SetCtor = Set;
  const DateCtor = Date;
  const copyArguments = { __proto__: null, arguments: { __proto__: null, copy: true }, result: { __proto__: null, promise: true, copy: true } };

  for (const name of ['SharedArrayBuffer', 'Atomics', 'WebAssembly']) delete g[name];

  // console: formatted here, sent to the host line by line, capped in count and length.
  let lines = 0;
  function clip(text, max) {
    return text.length > max ? text.slice(0, max) + '… [line truncated]' : text;
  }
  function inspect(value, depth, seen, budget) {
    if (budget.left <= 0) return '…';
    switch (typeof value) {
      case 'string': return depth === 0 ? value : stringify(value);
      case 'number': case 'boolean': case 'undefined': return StringCtor(value);
      case 'bigint': return StringCtor(value) + 'n';
      case 'symbol': return value.toString();
      case 'function': return '[Function' + (value.name ? ': ' + value.name : '') + ']';
    }
    if (value === null) return 'null';
    if (value instanceof ErrorCtor) return StringCtor(value.name) + ': ' + StringCtor(value.message);
    if (value instanceof DateCtor) return isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    if (seen.has(value)) return '[Circular]';
    if (depth >= 4) return ArrayIsArray(value) ? '[Array]' : '[Object]';
    seen.add(value);
    const parts = [];
    if (ArrayIsArray(value)) {
      const count = value.length;
      for (let i = 0; i < count && i < 100 && budget.left > 0; i++) {
        const part = inspect(value[i], depth + 1, seen, budget);
        budget.left -= part.length + 2;
        parts.push(part);
      }
      if (count > parts.length) parts.push('… ' + (count - parts.length) + ' more');
      seen.delete(value);
      return '[' + parts.join(', ') + ']';
    }
    const keys = ObjectKeys(value);
    for (let i = 0; i < keys.length && i < 100 && budget.left > 0; i++) {
      const key = keys[i];
      const part = (/^[A-Za-z_$][\w$]*$/.test(key) ? key : stringify(key)) + ': ' + inspect(value[key], depth + 1, seen, budget);
      budget.left -= part.length + 2;
      parts.push(part);
    }
    if (keys.length > parts.length) parts.push('… ' + (keys.length - parts.length) + ' more');
    seen.delete(value);
    return '{ ' + parts.join(', ') + ' }';
  }
  function log(level, args) {
    if (lines > limits.maxLogLines) return;
    lines++;
    if (lines > limits.maxLogLines) {
      hostLog('warn', '[console output truncated: only the first ' + limits.maxLogLines + ' lines are kept]');
      return;
    }
    const budget = { left: limits.maxLogLineLength };
    const parts = [];
    for (let i = 0; i < args.length && budget.left > 0; i++) {
      const part = inspect(args[i], 0, new SetCtor(), budget);
      budget.left -= part.length + 1;
      parts.push(part);
    }
    hostLog(level, clip(parts.join(' '), limits.maxLogLineLength));
  }
  const console = ObjectFreeze({
    log: (...args) => log('log', args),
    info: (...args) => log('info', args),
    warn: (...args) => log('warn', args),
    error: (...args) => log('error', args),
    debug: (...args) => log('debug', args),
    trace: (...args) => log('debug', args),
    dir: (value) => log('log', [value]),
  });
  ObjectDefineProperty(g, 'console', { value: console, writable: true, configurable: true, enumerable: false });

  // fetch: a Web-like surface over the host's guarded client.
  class Headers {
    #map = new Map();
    constructor(init) {
      if (init == null) return;
      if (typeof init[Symbol.iterator] === 'function') {
        for (const pair of init) this.append(pair[0], pair[1]);
      } else {
        for (const key of ObjectKeys(init)) this.append(key, init[key]);
      }
    }
    append(name, value) {
      const key = StringCtor(name).toLowerCase();
      const existing = this.#map.get(key);
      this.#map.set(key, existing === undefined ? StringCtor(value) : existing + ', ' + StringCtor(value));
    }
    set(name, value) { this.#map.set(StringCtor(name).toLowerCase(), StringCtor(value)); }
    get(name) { const value = this.#map.get(StringCtor(name).toLowerCase()); return value === undefined ? null : value; }
    has(name) { return this.#map.has(StringCtor(name).toLowerCase()); }
    delete(name) { this.#map.delete(StringCtor(name).toLowerCase()); }
    forEach(callback, thisArg) { for (const [key, value] of this.#map) callback.call(thisArg, value, key, this); }
    entries() { return this.#map.entries(); }
    keys() { return this.#map.keys(); }
    values() { return this.#map.values(); }
    [Symbol.iterator]() { return this.#map.entries(); }
    toJSON() { const out = {}; for (const [key, value] of this.#map) out[key] = value; return out; }
  }

  function makeResponse(answer) {
    const headers = new Headers(answer.headers);
    const body = answer.body;
    return ObjectFreeze({
      status: answer.status,
      statusText: answer.statusText,
      ok: answer.status >= 200 && answer.status < 300,
      url: answer.url,
      redirected: answer.redirected,
      headers,
      text: async () => body,
      json: async () => parse(body),
    });
  }

  async function fetch(resource, init) {
    const options = init == null ? {} : init;
    const url = resource !== null && typeof resource === 'object' && typeof resource.url === 'string' ? resource.url : StringCtor(resource);
    const method = options.method === undefined ? 'GET' : StringCtor(options.method).toUpperCase();
    const headers = new Headers(options.headers).toJSON();
    let body;
    if (options.body !== undefined && options.body !== null) {
      if (typeof options.body === 'string') {
        body = options.body;
      } else if (typeof options.body === 'object') {
        // A plain object is sent as JSON: the common case in code steps, and fetch would send "[object Object]".
        body = stringify(options.body);
        if (headers['content-type'] === undefined) headers['content-type'] = 'application/json';
      } else {
        body = StringCtor(options.body);
      }
    }
    const redirect = options.redirect === undefined ? 'follow' : StringCtor(options.redirect);
    if (redirect !== 'follow' && redirect !== 'manual' && redirect !== 'error') {
      throw new TypeErrorCtor("fetch: redirect must be 'follow', 'manual' or 'error', not '" + redirect + "'");
    }
    const request = { url, method, headers };
    if (body !== undefined) request.body = body;
    if (redirect !== 'follow') request.redirect = redirect;
    const answer = await hostFetch.apply(undefined, [request], copyArguments);
    if (answer.error !== undefined) {
      throw answer.kind === 'network' ? new TypeErrorCtor(answer.error) : new ErrorCtor(answer.error);
    }
    return makeResponse(answer);
  }
  ObjectDefineProperty(g, 'fetch', { value: fetch, writable: true, configurable: true, enumerable: false });
  ObjectDefineProperty(g, 'Headers', { value: Headers, writable: true, configurable: true, enumerable: false });

  function describe(error) {
    try {
      if (error !== null && (typeof error === 'object' || typeof error === 'function')) {
        const name = typeof error.name === 'string' ? error.name : '';
        const message = typeof error.message === 'string' ? error.message : '';
        const stack = typeof error.stack === 'string' ? error.stack : '';
        if (name || message) return { name: name.slice(0, 200), message: message.slice(0, 2000), stack: stack.slice(0, 4000) };
      }
      return { name: '', message: clip(inspect(error, 0, new SetCtor(), { left: 2000 }), 2000), stack: '', thrown: true };
    } catch (inner) {
      return { name: 'Error', message: 'the code threw a value that cannot be described', stack: '' };
    }
  }

  async function execute(fn) {
    delete g.__switchyard_execute;
    const inputJson = g.__switchyard_input;
    delete g.__switchyard_input;
    const input = typeof inputJson === 'string' ? parse(inputJson) : null;
    if (typeof fn !== 'function') {
      return stringify({ ok: false, code: 'USER_ERROR', error: { name: 'SyntaxError', message: 'the code does not form a function body', stack: '' } });
    }
    let value;
    try {
      value = await fn(input);
    } catch (error) {
      return stringify({ ok: false, code: 'USER_ERROR', error: describe(error) });
    }
    if (value === undefined) return '{"ok":true,"output":null}';
    if (typeof value === 'string' && value.length > limits.maxOutputChars) {
      return stringify({ ok: false, code: 'OUTPUT_TOO_LARGE', size: value.length });
    }
    let json;
    try {
      json = stringify(value);
    } catch (error) {
      return stringify({ ok: false, code: 'INVALID_OUTPUT', error: describe(error) });
    }
    if (json === undefined) {
      return stringify({ ok: false, code: 'INVALID_OUTPUT', error: { name: 'TypeError', message: 'a ' + typeof value + ' is not a JSON value', stack: '' } });
    }
    if (json.length > limits.maxOutputChars) return stringify({ ok: false, code: 'OUTPUT_TOO_LARGE', size: json.length });
    return '{"ok":true,"output":' + json + '}';
  }
  ObjectDefineProperty(g, '__switchyard_execute', { value: execute, writable: false, configurable: true, enumerable: false });
})`;

/** Wraps user code so that `return` and `await` work at its top level; the wrapper sits on line 0. */
export function wrapUserCode(code: string): string {
  return `${executeGlobal}(async function (input) {\n${code}\n});`;
}
