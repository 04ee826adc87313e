import { isRecord, isStringRecord } from '../../../app/json-guards.ts';
import { ApiError, ClientErrorCode } from '../../../errors.ts';
import { parseMaterial, type Material } from '../shared/material.ts';

export interface UploadProgress {
  loaded: number;
  total: number;
  /** 0..100, whole percent. */
  percent: number;
}

/** The part of XMLHttpRequest an upload uses, so tests can stand in for the network. */
export interface UploadRequest {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: FormData): void;
  abort(): void;
  readonly status: number;
  readonly responseText: string;
  withCredentials: boolean;
  readonly upload: { onprogress: ((event: ProgressEvent) => void) | null };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
}

export interface UploadOptions {
  url: string;
  kind: string;
  file: File;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
  /** Defaults to a real XMLHttpRequest: fetch cannot report upload progress. */
  createRequest?: () => UploadRequest;
}

export function progressOf(loaded: number, total: number): UploadProgress {
  const percent = total > 0 ? Math.min(100, Math.floor((loaded / total) * 100)) : 0;
  return { loaded, total, percent };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The api's error body as an ApiError, as the fetch client does for other calls. */
function uploadError(status: number, text: string): ApiError {
  const body = parseJson(text);
  const error = isRecord(body) ? body.error : undefined;
  if (isRecord(error) && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(status, error.code, error.message, isStringRecord(error.fields) ? error.fields : {});
  }
  return new ApiError(status, ClientErrorCode.HTTP_ERROR, `HTTP ${status}`);
}

/**
 * Uploads one material (multipart: `kind`, then `file`) and reports progress as the bytes go.
 * Resolves with the stored Material; rejects with an ApiError (413 too large, 415 wrong type,
 * 409 too many files, status 0 when the network failed) or an AbortError when cancelled.
 */
export function uploadMaterial(options: UploadOptions): Promise<Material> {
  const request = options.createRequest?.() ?? new XMLHttpRequest();
  return new Promise<Material>((resolve, reject) => {
    const body = new FormData();
    // The kind goes first: the server reads the fields before it streams the file.
    body.append('kind', options.kind);
    body.append('file', options.file, options.file.name);

    request.open('POST', options.url);
    request.withCredentials = true;
    request.setRequestHeader('Accept', 'application/json');
    request.upload.onprogress = (event) => {
      const total = event.lengthComputable ? event.total : options.file.size;
      options.onProgress?.(progressOf(event.loaded, total));
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        const material = parseMaterial(parseJson(request.responseText));
        if (material) {
          options.onProgress?.(progressOf(options.file.size, options.file.size));
          resolve(material);
        } else {
          reject(
            new ApiError(
              request.status,
              ClientErrorCode.RESPONSE_INVALID,
              'The response does not have the expected shape.',
            ),
          );
        }
        return;
      }
      reject(uploadError(request.status, request.responseText));
    };
    request.onerror = () =>
      reject(new ApiError(0, ClientErrorCode.NETWORK_ERROR, 'The upload did not reach the server.'));
    request.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    if (options.signal) {
      if (options.signal.aborted) {
        reject(new DOMException('The upload was cancelled.', 'AbortError'));
        return;
      }
      options.signal.addEventListener('abort', () => request.abort(), { once: true });
    }
    request.send(body);
  });
}
