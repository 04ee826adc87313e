import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { SNIFF_BYTES, detectMaterialType, type MaterialType } from './material-type.ts';

export interface ReceivedFile {
  /** Where the bytes wait (a temporary name) until `commit`. */
  tempPath: string;
  size: number;
  sha256: string;
  /** Undefined when the content is none of the accepted types. */
  type: MaterialType | undefined;
}

/**
 * The materials folder (`<dataDir>/materials/`, outside any web root). A file
 * is written under a temporary name and renamed to its id only when complete,
 * so that a crash never leaves a half-written file under a material's name.
 */
export interface MaterialStore {
  /** Writes the stream to a temporary file, hashing it and reading its type from the first bytes. */
  receive(stream: Readable): Promise<ReceivedFile>;
  commit(tempPath: string, id: string): Promise<void>;
  /** The file's bytes, or undefined when it is missing or does not match its checksum. */
  read(id: string, sha256: string): Promise<Buffer | undefined>;
  /** Removes files (by id or temporary path); missing ones are fine. */
  remove(idsOrPaths: readonly string[]): Promise<void>;
}

const ID = /^[0-9a-f-]{36}$/;

export function createMaterialStore(dir: string): MaterialStore {
  const pathOf = (id: string) => {
    if (!ID.test(id)) throw new Error(`not a material id: ${id}`);
    return join(dir, id);
  };
  let ready: Promise<unknown> | undefined;
  const ensureDir = () => (ready ??= mkdir(dir, { recursive: true, mode: 0o700 }));

  return {
    async receive(stream) {
      await ensureDir();
      const tempPath = join(dir, `.upload-${randomUUID()}`);
      const out = createWriteStream(tempPath, { mode: 0o600 });
      const hash = createHash('sha256');
      let head = Buffer.alloc(0);
      let size = 0;
      try {
        for await (const chunk of stream) {
          const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
          if (head.length < SNIFF_BYTES) head = Buffer.concat([head, buffer.subarray(0, SNIFF_BYTES)]);
          size += buffer.length;
          hash.update(buffer);
          if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
        }
        out.end();
        await finished(out);
      } catch (error) {
        out.destroy();
        await rm(tempPath, { force: true });
        throw error;
      }
      return { tempPath, size, sha256: hash.digest('hex'), type: detectMaterialType(head) };
    },
    async commit(tempPath, id) {
      await rename(tempPath, pathOf(id));
    },
    async read(id, sha256) {
      let bytes: Buffer;
      try {
        bytes = await readFile(pathOf(id));
      } catch {
        return undefined;
      }
      return createHash('sha256').update(bytes).digest('hex') === sha256 ? bytes : undefined;
    },
    async remove(idsOrPaths) {
      await Promise.all(
        idsOrPaths.map((item) => rm(item.startsWith(dir) ? item : pathOf(item), { force: true })),
      );
    },
  };
}
