/**
 * Imports of worlds from outside: the scenario file, the output of
 * `aws iam get-account-authorization-details`, and the AWS Organizations CLI (list-roots,
 * list-organizational-units-for-parent, list-accounts(-for-parent), list-policies,
 * list-targets-for-policy, describe-policy, describe-organization). Every file is
 * untrusted input: a file that cannot be read as one of these fails with where and what,
 * and nothing is imported.
 */
import type { ScenarioJson } from '../scenario/types';
import type { WorldFault } from '../worker/protocol';

export interface ImportFile {
  /** The file's name, for messages. */
  readonly name: string;
  readonly text: string;
}

export type ImportResult =
  | {
      readonly ok: true;
      readonly scenario: ScenarioJson;
      /** What each file was read as (`scenario`, `authorizationDetails`, `organizations:list-policies`, …). */
      readonly kinds: readonly { readonly name: string; readonly kind: string }[];
      /** Things kept out or guessed (e.g. an AWS managed policy's non-default version), with JSON paths. */
      readonly warnings: readonly WorldFault[];
    }
  | { readonly ok: false; readonly errors: readonly WorldFault[] };

/** Reads the files together into one world: a scenario file alone, or any mix of IAM and Organizations outputs. */
export function importFiles(files: readonly ImportFile[]): ImportResult {
  void files;
  throw new Error('importFiles: being written (engine/import).');
}
