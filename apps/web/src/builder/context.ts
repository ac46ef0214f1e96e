// What every part of the builder shares: the draft and its edits, the catalog, problems, test data and open steps.
import { createContext, useContext } from 'react';
import type { Catalog } from '../catalog/api.ts';
import type { DataSource } from '../templates/data.ts';
import type { Zap } from '@switchyard/contracts';
import type { DraftEdit, ListAddress, ZapDraft } from './draft.ts';
import type { ProblemIndex } from './problems.ts';
import type { TestData } from './test-data.ts';

export type Builder = {
  workspaceId: string;
  zapId: string;
  zap: Zap;
  draft: ZapDraft;
  edit: (edit: DraftEdit) => void;
  catalog: Catalog;
  readOnly: boolean;
  problems: ProblemIndex;
  /** Problems show next to fields once the user tried to publish or asked to see them. */
  showProblems: boolean;
  numbers: Map<string, number>;
  isOpen: (key: string) => boolean;
  setOpen: (key: string, open: boolean) => void;
  test: TestData;
  /** What a step (or the trigger, with null) can map data from. */
  sourcesFor: (key: string | null) => DataSource[];
  /** Saves pending edits now; resolves once the API has the draft. */
  flush: () => Promise<void>;
  addStep: (address: ListAddress, index: number) => void;
  renameStep: (key: string) => void;
  deleteStep: (key: string) => void;
};

export const BuilderContext = createContext<Builder | null>(null);

export function useBuilder(): Builder {
  const builder = useContext(BuilderContext);
  if (!builder) throw new Error('useBuilder() is only available inside the builder');
  return builder;
}
