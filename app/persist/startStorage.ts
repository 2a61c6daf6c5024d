/**
 * Imported first by main.tsx: evaluated before the rest of the app, it starts opening
 * IndexedDB at once, so the opening overlaps the evaluation of the app, the worker's start
 * and the first render (openRepository.ts takes the opening over).
 */
import { startOpeningStorage } from './openRepository';

startOpeningStorage();
