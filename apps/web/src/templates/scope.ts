// What the template fields inside a step can map from: set by the step's editor, read by every field below it.
import { createContext, useContext } from 'react';
import type { DataSource } from './data.ts';

export type TemplateScope = {
  sources: DataSource[];
  /** Read-only views (a viewer, a published snapshot) render chips without editing. */
  readOnly: boolean;
};

export const TemplateScopeContext = createContext<TemplateScope | null>(null);

/** Outside a step editor there is nothing to map from: fields stay plain text and show chips without a picker. */
export function useTemplateScope(): TemplateScope {
  return useContext(TemplateScopeContext) ?? { sources: [], readOnly: false };
}
