/**
 * The event log as a file in the shape CloudTrail delivers its log files: one JSON object
 * whose `Records` array holds the events (see "CloudTrail log file examples" in the AWS
 * CloudTrail User Guide).
 */
import type { CloudTrailEvent } from '../../engine/trail/types';
import type { TrailEntry } from '../store/trailSlice';
import { downloadTextFile } from '../components/downloadFile';

export interface TrailFile {
  readonly Records: readonly CloudTrailEvent[];
}

export function trailFile(entries: readonly TrailEntry[]): TrailFile {
  return { Records: entries.map((e) => e.event) };
}

export function trailFileText(entries: readonly TrailEntry[]): string {
  return `${JSON.stringify(trailFile(entries), null, 2)}\n`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A name after CloudTrail's own (`…_CloudTrail_<region>_YYYYMMDDTHHmmZ_…`), with the
 * playground in place of the account and region: `iam-playground_CloudTrail_20261123T2130Z.json`.
 * UTC, like CloudTrail, so two learners' files sort the same way.
 */
export function trailFileName(at: Date): string {
  const stamp = `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}T${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}Z`;
  return `iam-playground_CloudTrail_${stamp}.json`;
}

/** Downloads `entries` as a CloudTrail log file (a Blob URL: the site's CSP allows `blob:`). */
export function downloadTrail(entries: readonly TrailEntry[], at = new Date()): void {
  downloadTextFile(trailFileText(entries), trailFileName(at));
}
