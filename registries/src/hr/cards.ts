import { failure, success } from '../errors.ts';
import { chinaToday } from '../shared/dates.ts';
import { issueDocument } from '../shared/documents.ts';
import { FieldChecks } from '../shared/field-checks.ts';
import { nextSequenceNo } from '../shared/numbers.ts';
import { verifyPerson, type PersonView } from '../shared/peer-queries.ts';
import { bodySchema, idNumberSchema, nameSchema, textSchema } from '../shared/schemas.ts';
import type { WriteOperation } from '../shared/write-operation.ts';

export interface IssueSocialSecurityCard {
  idNumber: string;
  name: string;
  mailingAddress?: string;
}

/** 社保卡申领: one active card per person; the social security number is the ID number. */
export const issueSocialSecurityCard: WriteOperation<IssueSocialSecurityCard, PersonView> = {
  name: 'issue-social-security-card',
  rejections: ['PERSON_NOT_FOUND', 'NAME_MISMATCH', 'PERSON_DECEASED', 'CARD_ALREADY_ISSUED'],
  path: '/social-security-cards',
  body: bodySchema({ idNumber: idNumberSchema, name: nameSchema, mailingAddress: textSchema(200) }, [
    'idNumber',
    'name',
  ]),
  check: (body) => new FieldChecks().idNumber('idNumber', body.idNumber).problems,
  prepare: (body, ctx) => verifyPerson(ctx.peers, body.idNumber, { name: body.name }),
  async commit(tx, body, _person, ctx) {
    const s = ctx.schema;
    const active = await tx.query(
      `select card_no from ${s}.social_security_cards where id_number = $1 and status = 'active'`,
      [body.idNumber],
    );
    if (active.rowCount) return failure('CARD_ALREADY_ISSUED', active.rows[0]?.card_no);
    const cardNo = await nextSequenceNo(tx, `${s}.card_seq`, 'A', 8);
    const issuedAt = chinaToday(ctx.now());
    await tx.query(
      `insert into ${s}.social_security_cards (card_no, id_number, name, mailing_address, issued_at, status) values ($1, $2, $3, $4, $5, 'active')`,
      [cardNo, body.idNumber, body.name, body.mailingAddress ?? null, ctx.now()],
    );
    const documentUrl = await issueDocument(tx, ctx, {
      no: cardNo,
      kind: 'social-security-card',
      title: '电子社会保障卡 / Electronic Social Security Card',
      subject: { idNumber: body.idNumber, name: body.name },
      content: { cardNo, socialSecurityNumber: body.idNumber, issuedAt },
    });
    return success({ cardNo, socialSecurityNumber: body.idNumber, issuedAt, documentUrl });
  },
  duplicate: 'CARD_ALREADY_ISSUED',
};
