/**
 * What every analysis may read besides the compiled world: the scenario it was compiled
 * from (the simulated IAM API plays writes on a copy of it), the AWS managed policies
 * fetched so far, the IAM service data (service names, wildcard expansion) and the clock.
 */
import type { ServiceCatalogue } from '../data/serviceData';
import type { ManagedPolicySource } from '../data/managedPolicies';
import type { World } from '../model/world';
import type { ScenarioJson } from '../scenario/types';

export interface AnalysisDeps {
  readonly world: World;
  readonly scenario: ScenarioJson;
  readonly managed: ManagedPolicySource;
  /**
   * The IAM service data; absent in tests that do not need it (an analysis that needs it
   * then works from the names the policies write, and says so where it matters).
   */
  readonly catalogue?: ServiceCatalogue;
  /** The analysis's clock: the world's `now`, else the real time. */
  readonly now: Date;
}
