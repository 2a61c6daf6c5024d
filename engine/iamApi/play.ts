/**
 * Plays requests one after the other in a world that the simulated IAM API changes: each
 * request is judged in the current scenario (compiled), with one session store, and an
 * applied IAM write replaces the scenario for the requests after it. Shared by the checker
 * (requests[], a solution's steps, exercise goals) and the tests.
 */
import type { ManagedPolicySource } from '../data/managedPolicies';
import { compileWorld } from '../model/compile';
import type { World, WorldFault } from '../model/world';
import { runRequestDetailed, type RunOutcome } from '../pipeline/run';
import { SessionStore } from '../pipeline/sessions';
import type { RequestJson, ScenarioJson } from '../scenario/types';

/** A scenario and its compiled world, changing as IAM writes are applied. */
export class LiveWorld {
  #scenario: ScenarioJson;
  #world: World;
  readonly sessions: SessionStore;

  constructor(scenario: ScenarioJson, readonly managed: ManagedPolicySource, world?: World, sessions = new SessionStore()) {
    this.#scenario = scenario;
    this.#world = world ?? compileWorld(scenario, managed).world;
    this.sessions = sessions;
  }

  get scenario(): ScenarioJson {
    return this.#scenario;
  }

  get world(): World {
    return this.#world;
  }

  /**
   * Judges one request in the current world; an applied IAM write changes the world for the
   * next. `faults` are the new world's compile faults (an applied call should leave none).
   */
  async run(request: RequestJson, trace = false): Promise<RunOutcome & { readonly faults?: readonly WorldFault[] }> {
    const outcome = await runRequestDetailed(this.#world, request, { trace, sessions: this.sessions, api: { scenario: this.#scenario, managed: this.managed } });
    if (!outcome.world) return outcome;
    const compiled = compileWorld(outcome.world, this.managed);
    this.#scenario = outcome.world;
    this.#world = compiled.world;
    return compiled.faults.length > 0 ? { ...outcome, faults: compiled.faults } : outcome;
  }
}
