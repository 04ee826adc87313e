import { MAX_BPMN_BYTES } from './studio.schemas.ts';

// Characters XML 1.0 forbids (control characters other than tab, LF, CR; U+FFFE/FFFF).
// eslint-disable-next-line no-control-regex -- the XML 1.0 character ranges start with control characters
const INVALID_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/**
 * Why a BPMN document is refused before anything parses it, or undefined.
 * The same rules as the engine's deploy (oversized documents, DOCTYPE and
 * entity declarations, characters XML does not allow), so that a draft the
 * Studio stores is one the engine would read, and an entity bomb is never
 * stored, linted or shown to another designer.
 */
export function unsafeBpmn(bpmn: string): string | undefined {
  if (Buffer.byteLength(bpmn, 'utf8') > MAX_BPMN_BYTES)
    return `the BPMN document is larger than ${MAX_BPMN_BYTES} bytes`;
  if (/<!DOCTYPE/i.test(bpmn) || /<!ENTITY/i.test(bpmn))
    return 'DOCTYPE and entity declarations are not allowed in a BPMN document';
  if (INVALID_XML_CHAR.test(bpmn.replace(/^\uFEFF/, '')))
    return 'the BPMN document contains characters that are not allowed in XML';
  if (!/<(?:[\w-]+:)?definitions[\s>]/.test(bpmn))
    return 'the document is not BPMN: it has no definitions element';
  return undefined;
}
