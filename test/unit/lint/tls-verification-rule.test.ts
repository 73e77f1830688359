import { ESLint } from 'eslint';

/**
 * The lint rule that keeps TLS verification on is only worth something if it fires: each way of
 * switching verification off must be reported, and a normal TLS option must not be.
 */
const eslint = new ESLint({ cwd: new URL('../../..', import.meta.url).pathname });

async function ruleMessages(code: string): Promise<string[]> {
  // A .js path: the rule applies to every file, and plain JS needs no type information.
  const [result] = await eslint.lintText(code, { filePath: 'main/core/network/example.js' });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('lint: TLS verification is never switched off', () => {
  it.each([
    ['rejectUnauthorized: false', 'export const options = { rejectUnauthorized: false };'],
    ['a quoted rejectUnauthorized key', "export const options = { 'rejectUnauthorized': false };"],
    ['the environment variable', "process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0';"],
    ['the environment variable as a property', 'process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";'],
    ['a replaced host name check', 'export const options = { checkServerIdentity: () => undefined };'],
  ])('reports %s', async (_name, code) => {
    const messages = await ruleMessages(code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/never/);
  });

  it('accepts verification left on and an added CA', async () => {
    expect(await ruleMessages('export const options = { rejectUnauthorized: true, ca: [] };')).toEqual([]);
  });
});
