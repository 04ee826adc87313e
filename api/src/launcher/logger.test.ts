import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { REDACTED_PATHS } from './logger.ts';

function captureLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, stream), lines };
}

describe('log redaction', () => {
  it('never writes passwords, ID numbers, cookies or credentials', () => {
    // given
    const { logger, lines } = captureLogger();

    // when
    logger.info(
      {
        password: 'hunter2',
        body: { password: 'hunter2', idNumber: '11010519491231002X' },
        applicant: { person: { idNumber: '11010519491231002X' } },
        req: { headers: { cookie: 'onething_session=abc', authorization: 'Bearer xyz' } },
      },
      'something happened',
    );

    // then
    const line = lines.join('');
    expect(line).toContain('something happened');
    for (const secret of ['hunter2', '11010519491231002X', 'onething_session=abc', 'Bearer xyz']) {
      expect(line).not.toContain(secret);
    }
  });
});
