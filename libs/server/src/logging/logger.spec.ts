import { Writable } from 'node:stream';
import { createLogger } from './logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('never writes passwords, tokens or personal fields', () => {
    const { lines, stream } = capture();
    const logger = createLogger('info', 'test', undefined, stream);
    logger.info({ body: { email: 'helene@exemple.fr', password: 'secret-123', firstName: 'Hélène', refreshToken: 'abc' }, req: { headers: { authorization: 'Bearer x' } } }, 'x');
    const text = JSON.stringify(lines);
    for (const secret of ['helene@exemple.fr', 'secret-123', 'Hélène', 'abc', 'Bearer x']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });

  it('adds the context fields to every line', () => {
    const { lines, stream } = capture();
    const logger = createLogger('info', 'test', () => ({ reqId: 'r-1', tenantId: 't-1' }), stream);
    logger.info('hello');
    expect(lines[0]).toMatchObject({ reqId: 'r-1', tenantId: 't-1', msg: 'hello' });
  });
});
