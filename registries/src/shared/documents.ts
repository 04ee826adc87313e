import type { FastifyInstance } from 'fastify';
import { errorBody } from '../errors.ts';
import type { Queryable } from './db.ts';
import type { RegistryContext } from './registry-context.ts';

/** An e-certificate (电子证照) a registry issues with a write. */
export interface DocumentDraft {
  readonly no: string;
  readonly kind: string;
  readonly title: string;
  readonly subject: { readonly idNumber: string; readonly name: string };
  readonly content: Record<string, unknown>;
}

const ISSUERS: Record<RegistryContext['dept'], string> = {
  civil: '公安机关户籍管理部门 / household registration authority',
  health: '卫生健康委员会 / health commission',
  hr: '人力资源和社会保障局 / human resources and social security bureau',
  tax: '税务局 / tax bureau',
};

export async function issueDocument(
  db: Queryable,
  ctx: RegistryContext,
  draft: DocumentDraft,
): Promise<string> {
  await db.query(
    `insert into ${ctx.schema}.documents (no, kind, title, issuer, subject_id_number, subject_name, content, issued_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      draft.no,
      draft.kind,
      draft.title,
      ISSUERS[ctx.dept],
      draft.subject.idNumber,
      draft.subject.name,
      JSON.stringify(draft.content),
      ctx.now(),
    ],
  );
  return documentUrl(ctx, draft.no);
}

export function documentUrl(ctx: Pick<RegistryContext, 'dept'>, no: string): string {
  return `/registries/${ctx.dept}/documents/${encodeURIComponent(no)}`;
}

interface DocumentRow {
  no: string;
  kind: string;
  title: string;
  issuer: string;
  subject_id_number: string;
  subject_name: string;
  content: unknown;
  issued_at: Date;
}

/** `GET /documents/:no`: the e-certificate as JSON; every read is recorded. */
export function registerDocumentRoutes(app: FastifyInstance, ctx: RegistryContext): void {
  app.get<{ Params: { no: string } }>(
    '/documents/:no',
    {
      schema: {
        params: { type: 'object', properties: { no: { type: 'string', maxLength: 40 } }, required: ['no'] },
      },
    },
    async (request, reply) => {
      const found = await ctx.pool.query<DocumentRow>(`select * from ${ctx.schema}.documents where no = $1`, [
        request.params.no,
      ]);
      const row = found.rows[0];
      if (!row) return reply.code(404).send(errorBody('DOCUMENT_NOT_FOUND'));
      const requester = request.headers['x-requester'];
      await ctx.pool.query(
        `insert into ${ctx.schema}.document_accesses (document_no, requester) values ($1, $2)`,
        [row.no, typeof requester === 'string' ? requester.slice(0, 200) : null],
      );
      return {
        documentNo: row.no,
        kind: row.kind,
        title: row.title,
        issuer: row.issuer,
        issuedAt: row.issued_at.toISOString(),
        subject: { idNumber: row.subject_id_number, name: row.subject_name },
        content: row.content,
      };
    },
  );
}
