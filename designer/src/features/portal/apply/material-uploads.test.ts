import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../errors.ts';
import type { Material } from '../shared/material.ts';
import { uploadMaterial, type UploadRequest } from './material-upload.ts';
import { createMaterialUploads } from './material-uploads.ts';

/** Stands in for XMLHttpRequest: the test drives progress and the answer, as the network would. */
class FakeUploadRequest implements UploadRequest {
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  status = 0;
  responseText = '';
  withCredentials = false;
  aborted = false;
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.(new ProgressEvent('progress', { loaded, total, lengthComputable: true }));
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

const stored: Material = {
  id: 'mat-1',
  kind: 'household-register',
  filename: 'hukou.pdf',
  contentType: 'application/pdf',
  size: 4096,
  sha256: 'f00d',
  uploadedAt: '2026-11-29T03:00:00.000Z',
};

function pdf(size = 4096, name = 'hukou.pdf', type = 'application/pdf'): File {
  return new File([new Uint8Array(size)], name, { type });
}

function setup() {
  const requests: FakeUploadRequest[] = [];
  const uploaded: Material[] = [];
  const uploads = createMaterialUploads({
    url: () => '/api/applications/drafts/newborn/materials',
    onUploaded: (material) => uploaded.push(material),
    upload: (options) =>
      uploadMaterial({
        ...options,
        createRequest: () => {
          const request = new FakeUploadRequest();
          requests.push(request);
          return request;
        },
      }),
  });
  const sent = async () => {
    await Promise.resolve();
    await Promise.resolve();
    const request = requests.at(-1);
    if (!request) throw new Error('no upload was sent');
    return request;
  };
  return { uploads, requests, uploaded, sent };
}

describe('material uploads', () => {
  it('sends the kind and the file and shows the progress as the bytes go', async () => {
    // given
    const { uploads, sent, uploaded } = setup();

    // when
    const done = uploads.start('household-register', pdf());
    const request = await sent();
    request.progress(1024, 4096);

    // then
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/api/applications/drafts/newborn/materials');
    expect(request.body?.get('kind')).toBe('household-register');
    expect(request.body?.get('file')).toBeInstanceOf(File);
    expect(uploads.forKind('household-register')).toMatchObject([{ status: 'uploading', percent: 25 }]);
    expect(uploads.busy()).toBe(true);

    // when
    request.progress(4096, 4096);
    request.answer(201, stored);
    await done;

    // then
    expect(uploaded).toEqual([stored]);
    expect(uploads.forKind('household-register')).toEqual([]);
    expect(uploads.busy()).toBe(false);
  });

  it('keeps a refused upload with the api’s reason', async () => {
    // given
    const { uploads, sent, uploaded } = setup();

    // when
    const done = uploads.start('household-register', pdf());
    (await sent()).answer(415, { error: { code: 'MATERIAL_TYPE', message: '只接受 PDF、JPEG 或 PNG 文件' } });
    await done;

    // then
    const [failed] = uploads.forKind('household-register');
    expect(failed?.status).toBe('failed');
    expect(failed?.problem).toEqual({ error: expect.any(ApiError) });
    expect(failed?.problem && 'error' in failed.problem && failed.problem.error).toMatchObject({
      status: 415,
      code: 'MATERIAL_TYPE',
    });
    expect(uploaded).toEqual([]);
  });

  it('refuses a file over 10 MB or of another type without sending it', async () => {
    // given
    const { uploads, requests } = setup();

    // when
    await uploads.start('household-register', pdf(10 * 1024 * 1024 + 1, 'big.pdf'));
    await uploads.start('household-register', pdf(100, 'notes.docx', 'application/msword'));

    // then
    expect(requests).toEqual([]);
    expect(uploads.forKind('household-register').map((item) => [item.filename, item.problem])).toEqual([
      ['big.pdf', { reason: 'tooLarge' }],
      ['notes.docx', { reason: 'wrongType' }],
    ]);
  });

  it('forgets a cancelled upload', async () => {
    // given
    const { uploads, sent, uploaded } = setup();
    const done = uploads.start('household-register', pdf());
    const request = await sent();

    // when
    uploads.cancel(uploads.forKind('household-register')[0]?.id ?? -1);
    await done;

    // then
    expect(request.aborted).toBe(true);
    expect(uploads.forKind('household-register')).toEqual([]);
    expect(uploaded).toEqual([]);
  });

  it('reports a network failure as such', async () => {
    // given
    const { uploads, sent } = setup();

    // when
    const done = uploads.start('household-register', pdf());
    (await sent()).onerror?.();
    await done;

    // then
    const [failed] = uploads.forKind('household-register');
    expect(failed?.problem && 'error' in failed.problem && failed.problem.error).toMatchObject({
      status: 0,
      code: 'NETWORK_ERROR',
    });
  });
});
