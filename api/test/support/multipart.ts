import { randomBytes } from 'node:crypto';

export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  randomBytes(64),
]);
export const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(64)]);
/** A Windows executable (its `MZ` header). */
export const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(64)]);

/** A multipart/form-data body with a `kind` field and one `file` part, for `app.inject`. */
export function multipartUpload(
  file: Buffer,
  options: { filename: string; kind?: string; contentType?: string },
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----onething${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  if (options.kind !== undefined) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${options.kind}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${options.filename}"\r\n` +
        `Content-Type: ${options.contentType ?? 'application/pdf'}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
