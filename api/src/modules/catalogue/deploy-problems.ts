import type { ContentProblem } from './check-content.ts';

const GRPC_INVALID_ARGUMENT = 3;

/**
 * The engine refuses a resource it cannot run with INVALID_ARGUMENT and a
 * message listing each problem with its element: the embedded engine as
 * `'<resource>': Element '<id>': <why>` lines (ZEEBE-COMPAT.md §1.2), Zeebe as
 * `- Element: <id>` followed by `- ERROR: <why>` lines. Returns the problems,
 * or undefined when the error is not a refusal (the engine is unreachable).
 */
export function deployProblems(error: unknown): ContentProblem[] | undefined {
  if (!isRecord(error) || error['code'] !== GRPC_INVALID_ARGUMENT) return undefined;
  const text = [error['details'], error['message']].find((v): v is string => typeof v === 'string') ?? '';
  const problems: ContentProblem[] = [];
  for (const match of text.matchAll(/Element '([^']+)': (.+)/g)) {
    problems.push({ source: 'deploy', elementId: match[1] ?? '', message: (match[2] ?? '').trim() });
  }
  if (problems.length === 0) {
    let elementId: string | undefined;
    for (const line of text.split('\n')) {
      const element = /-\s*Element:\s*(\S+)/.exec(line);
      if (element) elementId = element[1];
      const reason = /-\s*ERROR:\s*(.+)/.exec(line);
      if (reason)
        problems.push({
          source: 'deploy',
          ...(elementId ? { elementId } : {}),
          message: (reason[1] ?? '').trim(),
        });
    }
  }
  return problems.length > 0
    ? problems
    : [{ source: 'deploy', message: text.trim() || 'the engine refused the process' }];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
