/** Every Korean text of the app in one chunk: only the learner's language is loaded. */
import { editErrorsKo } from './editErrors.ko';
import { ko } from './ko';
import { reasonsKo } from './reasons.ko';

export default { messages: ko, reasons: reasonsKo, editErrors: editErrorsKo };
