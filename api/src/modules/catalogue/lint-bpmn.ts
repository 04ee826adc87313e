import { Linter, type LintReport } from '@camunda/linting';
import type { ContentProblem } from './check-content.ts';

export interface LintOutcome {
  /** Errors (and rules that failed to run): they stop a publish. */
  problems: ContentProblem[];
  /** Warnings and hints: reported, not blocking. */
  warnings: ContentProblem[];
}

/**
 * The Camunda 8 lint rules of the Desktop Modeler (@camunda/linting), for the
 * execution platform version the BPMN declares, the same as the bundle tests
 * of `processes/` run.
 */
export async function lintBpmn(bpmn: string): Promise<LintOutcome> {
  let reports: LintReport[];
  try {
    reports = await new Linter({ modeler: 'desktop', type: 'cloud' }).lint(bpmn);
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    return { problems: [{ source: 'lint', message: `the BPMN cannot be read: ${reason}` }], warnings: [] };
  }
  const toProblem = (report: LintReport): ContentProblem => ({
    source: 'lint',
    ...(report.id ? { elementId: report.id } : {}),
    message: `${report.message} (${report.rule})`,
  });
  return {
    problems: reports.filter((r) => r.category === 'error' || r.category === 'rule-error').map(toProblem),
    warnings: reports.filter((r) => r.category === 'warn' || r.category === 'info').map(toProblem),
  };
}
