import { reactive } from 'vue';
import type { ApiError } from '../../../errors.ts';
import { MATERIAL_MAX_BYTES, MATERIAL_TYPES, type Material } from '../shared/material.ts';
import { uploadMaterial, type UploadOptions } from './material-upload.ts';

/** One file on its way: what the materials step shows while it uploads or after it failed. */
export interface UploadState {
  id: number;
  kind: string;
  filename: string;
  size: number;
  percent: number;
  status: 'uploading' | 'failed';
  /** A reason to show: a client check (`tooLarge`, `wrongType`) or the api's error. */
  problem: { reason: 'tooLarge' | 'wrongType' } | { error: ApiError | Error } | null;
}

export interface MaterialUploadsOptions {
  /** Where the files go: the draft's materials, or an application's (when supplementing). */
  url: () => string;
  onUploaded: (material: Material) => void;
  /** Runs before the first byte is sent (the draft must exist on the server to take files). */
  prepare?: () => Promise<void>;
  upload?: (options: UploadOptions) => Promise<Material>;
}

/**
 * The uploads of a materials list, per material kind, with progress. Files the api would
 * refuse (over 10 MB, not PDF/JPEG/PNG) are refused here without sending a byte; the api
 * still checks the content itself.
 */
export function createMaterialUploads(options: MaterialUploadsOptions) {
  const upload = options.upload ?? uploadMaterial;
  const state = reactive({ uploads: [] as UploadState[] });
  const controllers = new Map<number, AbortController>();
  let nextId = 1;

  function find(id: number): UploadState | undefined {
    return state.uploads.find((item) => item.id === id);
  }

  function clientProblem(file: File): UploadState['problem'] {
    if (file.size > MATERIAL_MAX_BYTES) return { reason: 'tooLarge' };
    if (file.type !== '' && !(MATERIAL_TYPES as readonly string[]).includes(file.type))
      return { reason: 'wrongType' };
    return null;
  }

  async function start(kind: string, file: File): Promise<Material | null> {
    const id = nextId++;
    const problem = clientProblem(file);
    state.uploads.push({
      id,
      kind,
      filename: file.name,
      size: file.size,
      percent: 0,
      status: problem ? 'failed' : 'uploading',
      problem,
    });
    if (problem) return null;
    const controller = new AbortController();
    controllers.set(id, controller);
    try {
      await options.prepare?.();
      const material = await upload({
        url: options.url(),
        kind,
        file,
        signal: controller.signal,
        onProgress: (progress) => {
          const item = find(id);
          if (item) item.percent = progress.percent;
        },
      });
      state.uploads = state.uploads.filter((item) => item.id !== id);
      options.onUploaded(material);
      return material;
    } catch (error) {
      const item = find(id);
      if (error instanceof DOMException && error.name === 'AbortError') {
        state.uploads = state.uploads.filter((entry) => entry.id !== id);
      } else if (item) {
        item.status = 'failed';
        item.problem = { error: error instanceof Error ? error : new Error(String(error)) };
      }
      return null;
    } finally {
      controllers.delete(id);
    }
  }

  function cancel(id: number): void {
    controllers.get(id)?.abort();
  }

  function dismiss(id: number): void {
    state.uploads = state.uploads.filter((item) => item.id !== id || item.status === 'uploading');
  }

  function forKind(kind: string): UploadState[] {
    return state.uploads.filter((item) => item.kind === kind);
  }

  return {
    state,
    start,
    cancel,
    dismiss,
    forKind,
    busy: () => state.uploads.some((item) => item.status === 'uploading'),
  };
}

export type MaterialUploads = ReturnType<typeof createMaterialUploads>;
