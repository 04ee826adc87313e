/**
 * The registries' query APIs that prefill uses (registries/OPERATIONS.md,
 * "Queries" and "Prefill sources of the forms dictionary"): which route
 * answers a dictionary source, and under which name each field comes back.
 */
export const PREFILL_REGISTRIES = ['civil', 'health', 'hr', 'tax'] as const;
export type PrefillRegistry = (typeof PREFILL_REGISTRIES)[number];

export interface RegistryQuery {
  registry: PrefillRegistry;
  /** Path of the GET, from the subject's identifier (an ID number or a credit code). */
  path(identifier: string): string;
  /** Dictionary source field → field of the registry's answer. */
  fields: Readonly<Record<string, string>>;
}

const same = (...names: string[]) => Object.fromEntries(names.map((name) => [name, name]));

/** By the dictionary's `<registry>.<query>`; `civil.cremation` has no sandbox records and is not asked. */
export const REGISTRY_QUERIES: Readonly<Record<string, RegistryQuery>> = {
  'civil.person': {
    registry: 'civil',
    path: (id) => `/registries/civil/persons/${encodeURIComponent(id)}`,
    fields: same('name', 'sex', 'birthDate', 'ethnicity', 'nationality', 'address'),
  },
  'civil.household': {
    registry: 'civil',
    path: (id) => `/registries/civil/persons/${encodeURIComponent(id)}/household`,
    fields: same('number', 'headName', 'address'),
  },
  'health.delivery': {
    registry: 'health',
    path: (id) => `/registries/health/persons/${encodeURIComponent(id)}/delivery`,
    fields: same('birthDate', 'birthPlace', 'hospital', 'sex', 'weightGrams'),
  },
  'health.deathRecord': {
    registry: 'health',
    path: (id) => `/registries/health/persons/${encodeURIComponent(id)}/death-certificate`,
    fields: { deathDate: 'deathDate', place: 'deathPlace', placeType: 'deathPlaceType', cause: 'deathCause' },
  },
  'hr.insured': {
    registry: 'hr',
    path: (id) => `/registries/hr/persons/${encodeURIComponent(id)}/insured`,
    fields: same('contributionMonths', 'lastEmployerName', 'separationDate'),
  },
  'tax.taxpayer': {
    registry: 'tax',
    path: (code) => `/registries/tax/employers/${encodeURIComponent(code)}`,
    fields: same('name', 'address'),
  },
};

/** The civil registry's links of a person (spouse, parents): how prefill finds linked people. */
export const relationsPath = (id: string) => `/registries/civil/persons/${encodeURIComponent(id)}/relations`;

export type QueryAnswer =
  | { kind: 'found'; body: Record<string, unknown> }
  /** The registry answered that it holds no such record. */
  | { kind: 'not-found' }
  /** No usable answer: down, timed out, a bare 404, a broken body. */
  | { kind: 'unavailable' };

export type QueryFetch = (input: string, init: RequestInit) => Promise<Response>;

/** One GET on a registry; never throws, every answer (or none) is a `QueryAnswer`. */
export async function queryRegistry(
  baseUrl: string,
  path: string,
  options: { timeoutMs: number; requester: string; fetch?: QueryFetch },
): Promise<QueryAnswer> {
  try {
    const response = await (options.fetch ?? fetch)(`${baseUrl.replace(/\/+$/, '')}${path}`, {
      headers: { accept: 'application/json', 'x-requester': options.requester },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await response.text();
    const body = parseObject(text);
    if (response.ok) return body === undefined ? { kind: 'unavailable' } : { kind: 'found', body };
    const code = errorCode(body);
    // Only a `<X>_NOT_FOUND` code means "no such record"; a bad identifier (400) means the same for us.
    if (
      response.status === 404 &&
      code !== undefined &&
      code.endsWith('_NOT_FOUND') &&
      code !== 'ROUTE_NOT_FOUND'
    )
      return { kind: 'not-found' };
    if (response.status === 400 && code === 'INVALID_INPUT') return { kind: 'not-found' };
    return { kind: 'unavailable' };
  } catch {
    return { kind: 'unavailable' };
  }
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function errorCode(body: Record<string, unknown> | undefined): string | undefined {
  const error = body?.error;
  return isRecord(error) && typeof error.code === 'string' ? error.code : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
