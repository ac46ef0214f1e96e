// The apps the engine computes itself instead of asking a port: every action of theirs is pure (see `FormatterAction`).
import { formatterApp } from './formatter/app.ts';

/** The executor and publish validation find them by key; the API lists them beside the connectors. */
export const engineApps = [formatterApp] as const;

export type EngineApp = (typeof engineApps)[number];

export function findEngineApp(key: string): EngineApp | undefined {
  return engineApps.find((app) => app.key === key);
}

/** An engine app's action, for callers that ask what it is (pure, its schema) rather than run it. */
export function findEngineAction(app: string, action: string): EngineApp['actions'][number] | undefined {
  return findEngineApp(app)?.actions.find((candidate) => candidate.key === action);
}
