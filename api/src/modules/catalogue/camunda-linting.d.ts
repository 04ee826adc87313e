// @camunda/linting ships no declarations; only what lint-bpmn.ts uses.
declare module '@camunda/linting' {
  export interface LintReport {
    id: string;
    message: string;
    category: 'error' | 'warn' | 'info' | 'rule-error';
    rule: string;
  }
  export class Linter {
    constructor(options?: { modeler?: 'desktop' | 'web'; type?: 'cloud' | 'platform' });
    lint(contents: string): Promise<LintReport[]>;
  }
}
