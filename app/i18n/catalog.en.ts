/** Every English text of the app in one chunk: only the learner's language is loaded. */
import { editErrorsEn } from './editErrors.en';
import { en } from './en';
import { reasonsEn } from './reasons.en';

export default { messages: en, reasons: reasonsEn, editErrors: editErrorsEn };
