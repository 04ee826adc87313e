// @bpmn-io/element-templates-validator ships no types; this is the part the templates test uses.
declare module '@bpmn-io/element-templates-validator' {
  export function validateZeebe(template: object): { valid: boolean; object: object; errors?: { message: string; path?: unknown }[] };
}
