/** The scenario's saved requests under the form: fill it, reorder, delete, run them all (app/request/console/SavedRequests.tsx). */
export { SavedRequests as Examples } from './console/SavedRequests';
