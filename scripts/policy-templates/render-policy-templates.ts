/** Every file under build/policy/, by path relative to it. */
import { z } from 'zod';
import { desktopPolicySchema } from '../../common/desktop-config-schema.ts';
import { admlFileName, admxFileName, renderAdml, renderAdmx } from './admx.ts';
import { examplePolicy } from './example-policy.ts';
import { mobileconfigFileName, renderMobileconfig } from './mobileconfig.ts';

export const policyTemplatesDir = 'build/policy';

export function renderPolicyTemplates(): Map<string, string> {
  const example = examplePolicy();
  const schema = z.toJSONSchema(desktopPolicySchema, { io: 'input' });
  return new Map([
    [admxFileName, renderAdmx()],
    [`en-US/${admlFileName}`, renderAdml()],
    [mobileconfigFileName, renderMobileconfig(example)],
    ['policy.example.json', `${JSON.stringify(example, null, 2)}\n`],
    ['policy.schema.json', `${JSON.stringify(schema, null, 2)}\n`],
  ]);
}
