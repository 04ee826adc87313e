import { isRecord } from '../../../app/json-guards.ts';

export interface SummaryRow {
  path: string;
  label: string;
  value: string;
}

type Scalar = string | number | boolean;

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * The application data as label/value rows, in the order the data has them. Labels and the
 * labels of choices come from the bundle's combined form; with `labelledOnly` (the task's own variables, which also hold
 * process bookkeeping) a value without a form label is left out.
 */
export function summaryRows(
  data: Readonly<Record<string, unknown>>,
  names: {
    labels: Readonly<Record<string, string>>;
    options?: Readonly<Record<string, Record<string, string>>>;
  },
  labelledOnly: boolean,
): SummaryRow[] {
  const { labels, options = {} } = names;
  // A choice shows its label (男, 父母) rather than its stored value (male, parent).
  const shown = (path: string, value: Scalar) => options[path]?.[String(value)] ?? String(value);
  const rows: SummaryRow[] = [];
  const walk = (value: unknown, path: string) => {
    if (isScalar(value) || (Array.isArray(value) && value.length > 0 && value.every(isScalar))) {
      const label = labels[path];
      if (label === undefined && labelledOnly) return;
      if (value === '') return;
      const values = Array.isArray(value) ? value : [value];
      rows.push({ path, label: label ?? path, value: values.map((item) => shown(path, item)).join('、') });
      return;
    }
    if (isRecord(value)) {
      for (const [key, child] of Object.entries(value)) walk(child, path === '' ? key : `${path}.${key}`);
    }
  };
  walk(data, '');
  return rows;
}
