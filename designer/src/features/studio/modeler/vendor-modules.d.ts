// The bpmn-io add-ons the Studio uses ship JavaScript without type declarations; these name
// only what the Studio calls. Modules are didi module definitions, opaque to the Studio.

declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: Record<string, unknown>;
  export const BpmnPropertiesProviderModule: Record<string, unknown>;
  export const ZeebePropertiesProviderModule: Record<string, unknown>;
}

declare module 'bpmn-js-element-templates' {
  export const CloudElementTemplatesPropertiesProviderModule: Record<string, unknown>;
  export function CloudElementTemplatesLinterPlugin(templates: object[]): {
    config: object;
    resolver: object;
  };
}

declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  const behaviorsModule: Record<string, unknown>;
  export default behaviorsModule;
}

declare module '@camunda/linting' {
  export class Linter {
    constructor(options?: { modeler?: 'desktop' | 'web'; type?: 'cloud' | 'platform'; plugins?: object[] });
    lint(definitionsOrXml: unknown): Promise<unknown[]>;
  }
}

declare module '@camunda/linting/modeler' {
  const lintingModule: Record<string, unknown>;
  export default lintingModule;
}
