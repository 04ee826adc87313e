import lintingModule from '@camunda/linting/modeler';
import { LiveLint } from './live-lint.ts';

/** Camunda 8 lint rules, run while editing, with their annotations on the canvas. */
export const liveLintModule = {
  __depends__: [lintingModule],
  __init__: ['liveLint'],
  liveLint: ['type', LiveLint],
};
