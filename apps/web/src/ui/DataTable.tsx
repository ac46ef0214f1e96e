// A table with its column headings, and a paged list shown as one: loading, failed, empty, the rows and "Load more".
import type { ReactNode } from 'react';
import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import { cx } from './cx.ts';
import { ErrorBanner } from './ErrorBanner.tsx';
import { LoadMore } from './LoadMore.tsx';
import { Loading } from './Loading.tsx';
import './ui.css';

export type DataTableProps = {
  /** The visible column headings, in order; each row's cells carry the same words in `data-label`. */
  columns: string[];
  /** Adds a last column for the row's buttons, its heading kept for screen readers only. */
  actions?: boolean;
  className?: string;
  /** The rows: `<tr>` elements. */
  children: ReactNode;
};

export function DataTable({ columns, actions = false, className, children }: DataTableProps) {
  return (
    <table className={cx('table', className)}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
          {actions && (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

export type ListTableProps<T> = Omit<DataTableProps, 'children'> & {
  /** A cursor-paginated list query (`usePagedList` and the like). */
  list: UseInfiniteQueryResult<T[], Error>;
  loadingLabel: string;
  errorTitle: string;
  /** Shown instead of the table when the list has no items. */
  empty: ReactNode;
  /** Show the error instead of the rows; by default only when nothing could be loaded. */
  failed?: boolean;
  /** The error shown under the rows; by default a failed "Load more". */
  moreError?: Error | null;
  row: (item: T) => ReactNode;
};

export function ListTable<T>({ list, loadingLabel, errorTitle, empty, failed, moreError, row, ...table }: ListTableProps<T>) {
  if (list.isPending) return <Loading label={loadingLabel} className="card-pad" />;
  if (failed || !list.data) {
    return (
      <div className="card-pad">
        <ErrorBanner title={errorTitle} error={list.error} onRetry={() => void list.refetch()} />
      </div>
    );
  }
  if (list.data.length === 0) return empty;
  return (
    <>
      <DataTable {...table}>{list.data.map(row)}</DataTable>
      <div className="card-pad-x">
        <ErrorBanner error={moreError === undefined ? (list.isFetchNextPageError ? list.error : null) : moreError} />
      </div>
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
    </>
  );
}
