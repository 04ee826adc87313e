/**
 * Typed, checked reads of the moddle object tree. bpmn-moddle builds plain
 * objects from untrusted XML, so every property is read as `unknown` and
 * narrowed here instead of being cast.
 */
export type ModdleNode = { readonly $type: string } & Readonly<Record<string, unknown>>;

export function isNode(value: unknown): value is ModdleNode {
  return (
    typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string'
  );
}

export function typeOf(node: ModdleNode): string {
  return node.$type;
}

export function str(node: ModdleNode, property: string): string | undefined {
  const value = node[property];
  return typeof value === 'string' ? value : undefined;
}

export function bool(node: ModdleNode, property: string): boolean | undefined {
  const value = node[property];
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

export function child(node: ModdleNode, property: string): ModdleNode | undefined {
  const value = node[property];
  return isNode(value) ? value : undefined;
}

export function children(node: ModdleNode, property: string): ModdleNode[] {
  const value = node[property];
  return Array.isArray(value) ? value.filter(isNode) : [];
}

/** The id of a referenced element (moddle resolves references to objects). */
export function refId(node: ModdleNode, property: string): string | undefined {
  const value = node[property];
  if (typeof value === 'string') return value;
  return isNode(value) ? str(value, 'id') : undefined;
}

/** Extension elements of one zeebe type, e.g. `zeebe:TaskDefinition`. */
export function extensions(node: ModdleNode, type: string): ModdleNode[] {
  const container = child(node, 'extensionElements');
  return container ? children(container, 'values').filter((value) => value.$type === type) : [];
}

export function extension(node: ModdleNode, type: string): ModdleNode | undefined {
  return extensions(node, type)[0];
}

/** The text body of a formal expression (conditions, timer values). */
export function body(node: ModdleNode | undefined): string | undefined {
  if (!node) return undefined;
  const value = str(node, 'body');
  return value === undefined ? undefined : value.trim();
}
