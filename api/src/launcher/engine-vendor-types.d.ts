// The api typechecks @onething/engine's sources, and the engine's parser imports
// bpmn-moddle, which ships no declarations. The engine declares it in an ambient
// file of its own (engine/src/model/bpmn-moddle.d.ts) that a program importing
// the engine does not include, so the same declaration is repeated here. If the
// engine ever references its declaration from the importing file, delete this one.
declare module 'bpmn-moddle' {
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(
      xml: string,
      typeName?: string,
    ): Promise<{ rootElement: unknown; warnings: { message: string }[] }>;
  }
}
