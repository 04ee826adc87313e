// bpmn-moddle ships no declarations for its entry point. The parsed tree is
// treated as untrusted data (`unknown`) and read through moddle-node.ts.
declare module 'bpmn-moddle' {
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(
      xml: string,
      typeName?: string,
    ): Promise<{ rootElement: unknown; warnings: { message: string }[] }>;
  }
}
