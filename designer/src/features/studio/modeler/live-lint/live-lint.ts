import { Linter } from '@camunda/linting';
import { CloudElementTemplatesLinterPlugin } from 'bpmn-js-element-templates';
import type { ElementTemplate } from '../../studio.types.ts';

/** One finding of the Camunda 8 lint rules, as the Studio lists it. */
export interface LintReport {
  id: string;
  message: string;
  category: 'error' | 'warn' | 'info' | 'rule-error';
  rule: string;
}

export const LINT_DONE_EVENT = 'onething.lint.done';

interface EventBus {
  on(event: string, priority: number, callback: () => void): void;
  fire(event: string, payload: object): void;
}

interface LintingService {
  setErrors(reports: readonly object[]): void;
}

const DELAY_MS = 300;

/**
 * Lints the diagram with Camunda 8's rules (and the templates' own) a moment after each change
 * and on import, and hands the reports to `@camunda/linting`'s canvas annotations. Fires
 * `onething.lint.done` with the reports for the Studio's problems list.
 */
export class LiveLint {
  static $inject = ['eventBus', 'linting', 'bpmnjs', 'config.departmentTemplates'];

  private readonly linter: Linter;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private run = 0;

  constructor(
    private readonly eventBus: EventBus,
    private readonly linting: LintingService,
    private readonly bpmnjs: { getDefinitions(): unknown },
    templates: readonly ElementTemplate[] | undefined,
  ) {
    this.linter = new Linter({
      modeler: 'web',
      type: 'cloud',
      plugins: [CloudElementTemplatesLinterPlugin([...(templates ?? [])])],
    });
    eventBus.on('import.done', 500, () => this.schedule());
    eventBus.on('elements.changed', 500, () => this.schedule());
    eventBus.on('diagram.destroy', 500, () => clearTimeout(this.timer));
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.lint(), DELAY_MS);
  }

  private async lint(): Promise<void> {
    const run = ++this.run;
    const definitions = this.bpmnjs.getDefinitions();
    if (!definitions) return;
    const reports: unknown[] = await this.linter.lint(definitions);
    // A newer run started while this one was linting: its result wins.
    if (run !== this.run) return;
    this.linting.setErrors(reports.filter(isObject));
    this.eventBus.fire(LINT_DONE_EVENT, {
      reports: reports.map(toLintReport).filter((r) => r !== undefined),
    });
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

const CATEGORIES: readonly LintReport['category'][] = ['error', 'warn', 'info', 'rule-error'];

function toLintReport(value: unknown): LintReport | undefined {
  if (!isObject(value) || !('id' in value) || !('message' in value)) return undefined;
  const { id, message } = value;
  if (typeof id !== 'string' || typeof message !== 'string') return undefined;
  const category = 'category' in value ? CATEGORIES.find((c) => c === value.category) : undefined;
  const rule = 'rule' in value && typeof value.rule === 'string' ? value.rule : '';
  return { id, message, category: category ?? 'error', rule };
}
