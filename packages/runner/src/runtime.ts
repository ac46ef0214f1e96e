// Assembles what executing runs needs from the configuration: the app catalog, the guarded clients, the sandbox, the runner.
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeKey, splitList, type Config } from '@switchyard/config';
import { apps, createCodeFetch, defineApp, createHttpClient, parseOutboundAllow, type AppDefinition, type HttpClient } from '@switchyard/connectors';
import { createVault, type Database, type Vault } from '@switchyard/db';
import { createSandbox, type Sandbox } from '@switchyard/sandbox';
import { createCatalog, type AppCatalog } from './catalog.ts';
import { RETRIES } from './retry.ts';
import { createRunner, type Runner } from './runner.ts';

export interface Runtime {
  vault: Vault;
  catalog: AppCatalog;
  http: HttpClient;
  sandbox: Sandbox;
  runner: Runner;
  close(): Promise<void>;
}

/** Loads extra connector modules (CONNECTOR_MODULES): each exports `apps`, a list or a record of app definitions. */
export async function loadConnectorModules(setting: string): Promise<AppDefinition[]> {
  const loaded: AppDefinition[] = [];
  for (const specifier of splitList(setting)) {
    const target = specifier.startsWith('.') || isAbsolute(specifier) ? pathToFileURL(resolve(specifier)).href : specifier;
    let module: { apps?: unknown };
    try {
      module = (await import(target)) as { apps?: unknown };
    } catch (error) {
      throw new Error(`CONNECTOR_MODULES: cannot load ${specifier}: ${(error as Error).message}`);
    }
    const exported = module.apps;
    if (!exported || typeof exported !== 'object') throw new Error(`CONNECTOR_MODULES: ${specifier} does not export "apps"`);
    // Through the same checks as the built-in apps, so a malformed module stops the start with its reason.
    loaded.push(...(Array.isArray(exported) ? exported : Object.values(exported)).map((app) => defineApp(app as AppDefinition)));
  }
  return loaded;
}

/** The credential vault from SECRETS_KEY (new secrets) and SECRETS_KEY_PREVIOUS (still opened). */
export function vaultFromConfig(config: Config): Vault {
  const key = (value: string) => {
    const decoded = decodeKey(value);
    if (!decoded) throw new Error('SECRETS_KEY is not a 32-byte key');
    return decoded;
  };
  return createVault(key(config.SECRETS_KEY), splitList(config.SECRETS_KEY_PREVIOUS).map(key));
}

export async function createRuntime(config: Config, db: Database, vault: Vault, onCatastrophicError?: (message: string) => void): Promise<Runtime> {
  const allow = parseOutboundAllow(config.OUTBOUND_ALLOW);
  const catalog = createCatalog([...Object.values(apps), ...(await loadConnectorModules(config.CONNECTOR_MODULES))]);
  const http = createHttpClient({ allow, timeoutMs: config.HTTP_TIMEOUT_MS, retry: RETRIES.request });
  // fetch inside code gets its own client: no longer than the code's own time limit, smaller responses.
  const codeHttp = createHttpClient({ allow, timeoutMs: config.CODE_TIMEOUT_MS, maxResponseBytes: 5 * 1024 * 1024 });
  const sandbox = createSandbox({
    memoryMb: config.CODE_MEMORY_MB,
    timeoutMs: config.CODE_TIMEOUT_MS,
    maxOutputBytes: config.CODE_MAX_OUTPUT_BYTES,
    maxLogLines: config.CODE_MAX_LOG_LINES,
    maxFetches: config.CODE_MAX_FETCHES,
    ...(onCatastrophicError ? { onCatastrophicError } : {}),
  });
  const runner = createRunner({
    db,
    vault,
    catalog,
    http,
    sandbox,
    codeFetch: createCodeFetch(codeHttp),
    leaseMs: config.JOB_LOCK_MS,
    maxConsecutiveFailures: config.ZAP_MAX_CONSECUTIVE_FAILURES,
    execute: RETRIES.step,
  });
  return {
    vault,
    catalog,
    http,
    sandbox,
    runner,
    async close() {
      sandbox.dispose();
      await Promise.allSettled([http.close(), codeHttp.close()]);
    },
  };
}
