/** Matching of the Action, Resource and Principal elements, and the glob and ARN machinery they share. */
export { compileGlob, globMatches, matchGlob, compileGlobChunks, type Glob, type GlobOptions } from './wildcard';
export { compileActionList, actionMatches, type CompiledActionList, type ActionMatchExplanation } from './action';
export { parseArn, splitArn, arnSubject, compileArnPattern, type Arn, type ArnSubject, type ArnPattern } from './arn';
export {
  compileResourceList,
  compileResourcePattern,
  resourceMatches,
  type CompiledResourceList,
  type CompiledResourcePattern,
  type ResourceMatchExplanation,
} from './resource';
export {
  compilePrincipalBlock,
  preparePrincipal,
  type CompiledPrincipalBlock,
  type PreparedPrincipal,
  type PrincipalIdentity,
  type PrincipalMatchExplanation,
  type NotPrincipalMatchExplanation,
} from './principal';
export {
  parseTemplate,
  renderTemplate,
  resolveVariable,
  versionSupportsVariables,
  type Template,
  type TemplatePart,
  type VariableLookup,
} from './variables';
