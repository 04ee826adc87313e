/** Deploy-time validation problems, collected as data and reported together. */
export interface Problem {
  readonly elementId: string;
  readonly message: string;
}

export class Problems {
  readonly list: Problem[] = [];

  add(elementId: string, message: string): void {
    this.list.push({ elementId, message });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }
}

/** One line per problem, each prefixed with the resource name (ZEEBE-COMPAT.md §1.2). */
export function formatProblems(resourceName: string, problems: readonly Problem[]): string {
  return problems
    .map((problem) => `'${resourceName}': Element '${problem.elementId}': ${problem.message}`)
    .join('\n');
}
