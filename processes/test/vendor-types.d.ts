// Minimal declarations for the two untyped packages the bundle tests use.

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

declare module 'bpmn-moddle' {
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string): Promise<{ rootElement: unknown; warnings: { message: string }[] }>;
  }
}
