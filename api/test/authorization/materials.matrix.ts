import type { FastifyInstance } from 'fastify';
import { PDF, multipartUpload } from '../support/multipart.ts';
import { defineMatrix, signedInGets } from './matrix.ts';

async function upload(app: FastifyInstance, url: string, cookie: string | undefined, kind: string) {
  const body = multipartUpload(PDF, { filename: 'seed.pdf', kind });
  const response = await app.inject({
    method: 'POST',
    url,
    payload: body.payload,
    headers: { ...body.headers, ...(cookie === undefined ? {} : { cookie }) },
  });
  if (response.statusCode !== 201)
    throw new Error(`seeding a material: ${response.statusCode} ${response.body}`);
  const created: unknown = response.json();
  if (typeof created !== 'object' || created === null || !('id' in created) || typeof created.id !== 'string')
    throw new Error('seeding a material: no id');
  return created.id;
}

/**
 * Materials: the owner's draft and application; staff who may see the
 * application download its materials (hr1 yes, civil1 no). Uploads here
 * send no multipart body, so a caller who is let in gets 415.
 */
export const matrix = defineMatrix({
  seed: async ({ app, signIn, seeder }) => {
    const cookie = await signIn('citizenOwner');
    const draftUrl = '/api/applications/drafts/unemployment/materials';
    const application = await seeder.application({ owner: 'citizen1', status: 'submitted' });
    return {
      application,
      kept: await upload(app, draftUrl, cookie, 'id-card'),
      removed: await upload(app, draftUrl, cookie, 'id-card'),
      submitted: await upload(app, `/api/applications/${application}/materials`, cookie, 'id-card'),
    };
  },
  rows: [
    {
      route: 'POST /api/applications/drafts/:bundleKey/materials',
      request: () => ({ url: '/api/applications/drafts/unemployment/materials' }),
      expect: signedInGets(403, { citizenOwner: 415, citizenOther: 415 }),
    },
    {
      route: 'GET /api/applications/drafts/:bundleKey/materials/:materialId',
      request: (seed) => ({ url: `/api/applications/drafts/unemployment/materials/${seed.kept}` }),
      expect: signedInGets(403, { citizenOwner: 200, citizenOther: 404 }),
    },
    {
      route: 'DELETE /api/applications/drafts/:bundleKey/materials/:materialId',
      request: (seed) => ({ url: `/api/applications/drafts/unemployment/materials/${seed.removed}` }),
      expect: signedInGets(403, { citizenOwner: 204, citizenOther: 404 }),
    },
    {
      route: 'POST /api/applications/:id/materials',
      request: (seed) => ({ url: `/api/applications/${seed.application}/materials` }),
      expect: signedInGets(403, { citizenOwner: 415, citizenOther: 404 }),
    },
    {
      route: 'GET /api/applications/:id/materials/:materialId',
      request: (seed) => ({ url: `/api/applications/${seed.application}/materials/${seed.submitted}` }),
      expect: signedInGets(403, { citizenOwner: 200, citizenOther: 404, clerkRight: 200, clerkWrong: 404 }),
    },
  ],
});
