import type { BundleContent } from '../catalogue/bundle-content.ts';
import { checkContent, type CheckedContent, type ContentProblem } from '../catalogue/check-content.ts';
import { lintBpmn } from '../catalogue/lint-bpmn.ts';
import { unsafeBpmn } from './bpmn-safety.ts';

export type DraftCheck =
  | { ok: true; checked: CheckedContent; warnings: ContentProblem[] }
  | { ok: false; problems: ContentProblem[] };

/**
 * What a draft must pass before it reaches the engine, for a publication as
 * for a dry run: BPMN safety and the Camunda lint rules, then bundle.json,
 * forms, field dictionary and form merge. Lint warnings do not block.
 */
export async function checkDraft(key: string, content: BundleContent): Promise<DraftCheck> {
  const unsafe = unsafeBpmn(content.bpmn);
  if (unsafe !== undefined) return { ok: false, problems: [{ source: 'lint', message: unsafe }] };
  const lint = await lintBpmn(content.bpmn);
  const checked = checkContent(key, content);
  const problems = [...lint.problems, ...(checked.ok ? [] : checked.problems)];
  if (!checked.ok || problems.length > 0) return { ok: false, problems };
  return { ok: true, checked: checked.value, warnings: lint.warnings };
}
