import { readFileSync } from 'node:fs';
import path from 'node:path';
import { API_PROCESS } from './api-process.js';

describe('API_PROCESS', () => {
  it('is how the Docker image starts the API too', () => {
    const dockerfile = readFileSync(path.resolve(__dirname, '../../Dockerfile'), 'utf8');
    const env = /^ENV (.*)$/m.exec(dockerfile)?.[1] ?? '';
    expect(env).toContain(`NODE_OPTIONS="${API_PROCESS.flags.join(' ')}"`);
    for (const [name, value] of Object.entries(API_PROCESS.env)) expect(env).toContain(`${name}=${value}`);
  });
});
