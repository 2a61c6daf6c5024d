/**
 * The engine worker's host: one switch over the protocol (./protocol.ts). It imports only
 * from engine/, never from the app. A worker's entry (the app's: app/engine/engineWorker.ts)
 * serves it with `serveWorker` (./serve.ts); the same host runs on the main thread when a Worker cannot
 * start (the app imports `createEngineHost` dynamically).
 */
import { compileWorld, requiredManagedPolicyArns, type CompiledWorld } from '../index';
import { signRequestHttp } from '../authn/sign';
import { fetchManagedPolicies, managedPolicySourceFrom, type ManagedPolicyRecord, type ManagedPolicySource } from '../data/managedPolicies';
import { judgeExercise } from '../check/exercise';
import { iamApiSpec } from '../iamApi/spec';
import type { ScenarioJson } from '../scenario/types';
import { fetchServiceCatalogue, type ServiceCatalogue } from '../data/serviceData';
import { runRequestDetailed } from '../pipeline/run';
import { SessionStore, summarizeSession } from '../pipeline/sessions';
import { randomIds, type IdSource } from '../trail/cloudTrail';
import { recordOutcome } from '../trail/recorded';
import { importFiles } from '../import/index';
import { validatePolicyText } from '../policy/validateText';
import { PROTOCOL_VERSION, type WorkerRequest, type WorkerResponse } from './protocol';
import { fetchedScenarioAnswer, scenarioParse, type BesideScenario } from './scenarioAnswers';
import { platformFetchText, type TextFetch } from './fetchText';
import { AnalysisCancelled, createControl, runAnalysis } from '../analysis/index';

/** The AWS managed policy ARNs an IAM call's parameters name (PolicyArn, PermissionsBoundary). */
function awsManagedArnsIn(params: Readonly<Record<string, unknown>>): string[] {
  return ['PolicyArn', 'PermissionsBoundary'].flatMap((name) => {
    const value = params[name];
    return typeof value === 'string' && /^arn:[^:]+:iam::aws:policy\//.test(value) ? [value] : [];
  });
}

/** Answers protocol requests; one per worker (or one on the main thread). */
export interface EngineHost {
  /** Answers one request; `emit` receives the messages sent before the answer (an analysis's progress). */
  handle(message: WorkerRequest, emit?: (message: WorkerResponse) => void): Promise<WorkerResponse>;
}

/** The folder the data plugin serves managed policies from, under the site's base URL. */
function dataUrl(baseUrl: string | undefined, fallbackOrigin: string): string {
  return new URL('data/', baseUrl ?? fallbackOrigin).href;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Access levels from the IAM service data (for CloudTrail's `readOnly`). A service's data
 * is loaded in the background on its first request and never awaited, so no answer waits
 * for the network: until it is there (or when it cannot be loaded), the record falls back
 * to the operation's verb.
 */
function accessLevels(catalogueOf: () => ServiceCatalogue) {
  const asked = new Set<string>();
  return (action: string): string | undefined => {
    const colon = action.indexOf(':');
    if (colon <= 0) return undefined;
    const prefix = action.slice(0, colon).toLowerCase();
    const catalogue = catalogueOf();
    const data = catalogue.loadedService(prefix);
    if (data) return data.actions.get(action.slice(colon + 1).toLowerCase())?.accessLevels[0];
    if (!asked.has(prefix)) {
      asked.add(prefix);
      // A failed load leaves the service on the fallback; it is not asked for again.
      catalogue.loadServiceData(prefix).catch(() => undefined);
    }
    return undefined;
  };
}

export interface EngineHostOptions {
  /** Request and event ids of CloudTrail records; default random UUIDs. */
  readonly ids?: IdSource;
  /** How `fetchScenario` reads a file; default the platform's `fetch`. */
  readonly fetchText?: TextFetch;
  /** Computed from a valid world `fetchScenario` read, and sent with it (`scenarioFetched.beside`). */
  readonly besideScenario?: BesideScenario;
}

/**
 * Creates a host. `origin` is used for data URLs when `setWorld` carries no base URL.
 */
export function createEngineHost(origin: string, hostOptions: EngineHostOptions = {}): EngineHost {
  // INVARIANT: `world` is replaced only by `setWorld`; an `evaluate` that arrives while a
  // world is still loading (managed policies are fetched) waits for it, so requests are
  // judged in the world that was set before them.
  let world: Promise<CompiledWorld | null> = Promise.resolve(null);
  // The scenario `world` was compiled from (the simulated IAM API changes it), and every AWS
  // managed policy fetched so far (the API may attach one the scenario did not name yet).
  const scenarioOf = new WeakMap<CompiledWorld, ScenarioJson>();
  const records = new Map<string, ManagedPolicyRecord>();
  const managedSource = (): ManagedPolicySource => managedPolicySourceFrom(records.values());
  /** Fetches the AWS managed policies not fetched yet; a failure leaves them out (the world says so). */
  const fetchMissing = async (arns: readonly string[], base: string | undefined) => {
    const missing = arns.filter((arn) => !records.has(arn));
    if (missing.length === 0) return;
    const fetched = await fetchManagedPolicies(missing, dataUrl(base, origin));
    for (const record of fetched.records) records.set(record.arn, record);
  };
  // INVARIANT: sessions outlive worlds (the app sends a new world on every edit) until `clearSessions`;
  // each is bound to the current world's role or user when it is used (see principalOfSession).
  const sessions = new SessionStore();
  const ids = hostOptions.ids ?? randomIds;
  const fetchText = hostOptions.fetchText ?? platformFetchText;
  let baseUrl: string | undefined;
  let catalogue: ServiceCatalogue | undefined;
  const accessLevelOf = accessLevels(() => (catalogue ??= fetchServiceCatalogue(dataUrl(baseUrl, origin))));

  // Requests whose analysis was cancelled; an analysis checks it whenever it yields.
  const cancelled = new Set<number>();
  const respond = {
    pong: (id: number): WorkerResponse => ({ v: PROTOCOL_VERSION, id, type: 'pong' }),
    error: (id: number, message: string): WorkerResponse => ({ v: PROTOCOL_VERSION, id, type: 'error', message }),
  };

  return {
    async handle(message, emit) {
      const { id } = message;
      try {
        switch (message.type) {
          case 'ping':
            return respond.pong(id);
          case 'parseScenario':
            return { v: PROTOCOL_VERSION, id, type: 'scenarioParsed', result: scenarioParse(message.text) };
          case 'fetchScenario':
            return fetchedScenarioAnswer(id, await fetchText(message.url), hostOptions.besideScenario);
          case 'setWorld': {
            const { scenario } = message;
            if (message.baseUrl !== baseUrl) {
              baseUrl = message.baseUrl;
              catalogue = undefined;
            }
            const loading = (async () => {
              const arns = requiredManagedPolicyArns(scenario);
              // Offline on a first visit the AWS managed policies cannot be fetched: the world is
              // still compiled without them, and the fault says why they are missing.
              const fetched = await fetchManagedPolicies(arns, dataUrl(message.baseUrl, origin)).then(
                ({ records }) => ({ records, fault: undefined }),
                (error: unknown) => ({ records: [], fault: { path: '$.accounts', message: `AWS managed policies could not be loaded: ${errorMessage(error)}` } }),
              );
              for (const record of fetched.records) records.set(record.arn, record);
              const compiled = compileWorld(scenario, managedSource());
              return fetched.fault ? { ...compiled, faults: [fetched.fault, ...compiled.faults] } : compiled;
            })();
            world = loading.then(
              (compiled) => {
                scenarioOf.set(compiled.world, scenario);
                return compiled.world;
              },
              () => null,
            );
            const { faults } = await loading;
            return { v: PROTOCOL_VERSION, id, type: 'worldSet', faults };
          }
          case 'evaluate': {
            const judgedIn = world;
            const current = await judgedIn;
            if (!current) return respond.error(id, 'No world is loaded: set a world before sending a request.');
            // A what-if evaluation may use the sessions issued so far but keeps none it issues.
            const store = message.whatIf ? sessions.overlay() : sessions;
            const eventTime = message.eventTime === undefined ? new Date() : new Date(message.eventTime);
            if (Number.isNaN(eventTime.getTime())) return respond.error(id, `eventTime \`${message.eventTime}\` is not an ISO 8601 time.`);
            // An IAM write with params is applied to the worker's own world (never in what-if): the
            // AWS managed policies it names are fetched first, so the API can tell whether they exist.
            const request = message.request;
            const scenarioNow = scenarioOf.get(current);
            const writes = !message.whatIf && scenarioNow !== undefined && request.params !== undefined && iamApiSpec(request.action) !== undefined;
            if (writes) await fetchMissing(awsManagedArnsIn(request.params ?? {}), baseUrl).catch(() => undefined);
            const outcome = await runRequestDetailed(current, request, {
              trace: message.trace, sessions: store,
              ...(message.whatIf ? { whatIf: message.whatIf } : {}),
              ...(writes && scenarioNow ? { api: { scenario: scenarioNow, managed: managedSource() } } : {}),
            });
            if (outcome.world) {
              // The next request sees the change at once; the app applies the same edits to its store and sends the world back.
              const next = outcome.world;
              await fetchMissing(requiredManagedPolicyArns(next), baseUrl).catch(() => undefined);
              const compiled = compileWorld(next, managedSource()).world;
              scenarioOf.set(compiled, next);
              // A world set while the call was applied is newer: it wins (it already holds the app's edits or replaces them).
              if (world === judgedIn) world = Promise.resolve(compiled);
            }
            const accessLevel = accessLevelOf(message.request.action);
            const recorded = recordOutcome(message.request, outcome, {
              eventTime, ids,
              ...(message.whatIf ? {} : { sessions }),
              ...(accessLevel === undefined ? {} : { accessLevel }),
            });
            return { v: PROTOCOL_VERSION, id, type: 'decision', ...recorded };
          }
          case 'judgeExercise': {
            const current = await world;
            const scenarioNow = current ? scenarioOf.get(current) : undefined;
            if (!scenarioNow) return respond.error(id, 'No world is loaded: set a world before judging an exercise.');
            // A copy: goal requests that write change only the judge's world, never the worker's.
            catalogue ??= fetchServiceCatalogue(dataUrl(baseUrl, origin));
            const judgement = await judgeExercise(scenarioNow, message.exercise, message.performed, managedSource(), { actions: catalogue, sessions });
            return { v: PROTOCOL_VERSION, id, type: 'exerciseJudged', judgement };
          }
          case 'listSessions':
            return { v: PROTOCOL_VERSION, id, type: 'sessionsListed', sessions: sessions.list().map((s) => summarizeSession(s, sessions.nameOf(s))) };
          case 'clearSessions':
            sessions.clear();
            return { v: PROTOCOL_VERSION, id, type: 'sessionsCleared' };
          case 'signRequest': {
            const current = await world;
            if (!current) return respond.error(id, 'No world is loaded: set a world before signing a request.');
            const at = message.at === undefined ? undefined : new Date(message.at);
            if (at && Number.isNaN(at.getTime())) return respond.error(id, `at \`${message.at}\` is not an ISO 8601 time.`);
            const http = await signRequestHttp(current, sessions, {
              accessKeyId: message.accessKeyId, action: message.action, resource: message.resource,
              ...(message.region === undefined ? {} : { region: message.region }),
              ...(at ? { at } : {}),
            });
            return { v: PROTOCOL_VERSION, id, type: 'requestSigned', http };
          }
          case 'validatePolicy': {
            const baseUrl = message.baseUrl === undefined ? undefined : dataUrl(message.baseUrl, origin);
            const findings = await validatePolicyText(message.text, message.kind, {
              baseUrl,
              ...(message.sizeLimit === undefined ? {} : { sizeLimit: message.sizeLimit }),
              ...(message.resourceArn === undefined ? {} : { resourceArn: message.resourceArn }),
            });
            return { v: PROTOCOL_VERSION, id, type: 'policyValidated', findings };
          }
          case 'analyze': {
            const current = await world;
            const scenarioNow = current ? scenarioOf.get(current) : undefined;
            if (!current || !scenarioNow) return respond.error(id, 'No world is loaded: set a world before analysing it.');
            catalogue ??= fetchServiceCatalogue(dataUrl(baseUrl, origin));
            const control = createControl({
              onProgress: (progress) => emit?.({ v: PROTOCOL_VERSION, id, type: 'progress', ...progress }),
              cancelled: () => cancelled.has(id),
            });
            try {
              const result = await runAnalysis(message.query, {
                world: current, scenario: scenarioNow, managed: managedSource(), catalogue, now: current.now ?? new Date(),
              }, control);
              return { v: PROTOCOL_VERSION, id, type: 'analyzed', result };
            } catch (error) {
              if (error instanceof AnalysisCancelled) return { v: PROTOCOL_VERSION, id, type: 'analysisCancelled' };
              throw error;
            } finally {
              cancelled.delete(id);
            }
          }
          case 'cancel':
            cancelled.add(message.target);
            // No answer is awaited: the cancelled analysis answers for itself.
            return { v: PROTOCOL_VERSION, id, type: 'pong' };
          case 'importFiles':
            return { v: PROTOCOL_VERSION, id, type: 'filesImported', result: importFiles(message.files) };
          default: {
            const unknown: { type?: unknown } = message;
            return respond.error(id, `Unknown message type \`${String(unknown.type)}\`.`);
          }
        }
      } catch (error) {
        return respond.error(id, errorMessage(error));
      }
    },
  };
}
