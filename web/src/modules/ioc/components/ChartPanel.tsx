// A dashboard panel: heading, the chart (or a Vietnamese notice when its endpoint answers
// 404/500 — never a blank panel), the same data as a table (the accessible alternative) and
// "Tải CSV" / "Tải XLSX" of exactly that table.
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { buildCsv, type CsvCell, downloadText, fileSlug } from '../lib/csv.ts';
import { buildXlsx } from '../lib/xlsx.ts';
import { PanelProblem } from './PanelProblem.tsx';

export interface PanelTable {
  headers: string[];
  rows: CsvCell[][];
}

export interface ChartPanelProps {
  id: string;
  title: string;
  /** One line under the heading: what is counted, which period. */
  subtitle?: string;
  loading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  /** The data behind the chart; null while loading or on error. */
  table: PanelTable | null;
  /** The chart (or any visual). */
  children?: ReactNode;
  /** Extra content under the chart (links to records…). */
  footer?: ReactNode;
}

/** The panel; its heading names the region (aria-labelledby). */
export function ChartPanel(props: ChartPanelProps) {
  const t = useT();
  const { id, title, subtitle, loading, error, onRetry, table, children, footer } = props;
  const headingId = `${id}-title`;
  const name = fileSlug(title);
  return (
    <section className="ioc-panel" aria-labelledby={headingId} data-panel={id}>
      <header className="ioc-panel__head">
        <h2 id={headingId} className="ioc-panel__title">
          {title}
        </h2>
        {subtitle ? <p className="ioc-panel__subtitle">{subtitle}</p> : null}
      </header>
      {error ? (
        <PanelProblem error={error} onRetry={onRetry} />
      ) : loading && !table ? (
        <p className="loading" role="status">
          {t('status.loading')}
        </p>
      ) : (
        <>
          {children}
          {table && table.rows.length === 0 ? (
            <p className="muted">{t('ioc.chart.empty')}</p>
          ) : null}
          {table && table.rows.length > 0 ? (
            <details className="ioc-panel__table">
              <summary>{t('ioc.chart.showTable', { title })}</summary>
              <div className="table-wrap">
                <table className="table">
                  <caption className="visually-hidden">{title}</caption>
                  <thead>
                    <tr>
                      {table.headers.map((h) => (
                        <th key={h} scope="col">
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {table.rows.map((row, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place.
                      <tr key={i}>
                        {row.map((c, j) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional.
                          <td key={j}>{c ?? '—'}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          ) : null}
          {footer}
          {table && table.rows.length > 0 ? (
            <p className="ioc-panel__downloads">
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => downloadText(`${name}.csv`, buildCsv(table.headers, table.rows))}
                aria-label={t('ioc.chart.csvOf', { title })}
              >
                {t('ioc.chart.csv')}
              </button>{' '}
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() =>
                  downloadBlob(`${name}.xlsx`, buildXlsx(title, table.headers, table.rows))
                }
                aria-label={t('ioc.chart.xlsxOf', { title })}
              >
                {t('ioc.chart.xlsx')}
              </button>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
