import { useState } from 'react';
import { errorMessage, isApiError } from '../api/client.js';
import { translateMessage, type FieldErrors } from '../lib/validation.js';

interface FormWithErrors {
  setErrors: (errors: FieldErrors) => void;
}

/**
 * The state behind a form's error summary: a count of failed attempts (to move focus to the summary)
 * and any sentence from the server that belongs to no field. A 400 from the server names its fields by
 * body key, the same names the form uses, so its messages land beside the right inputs.
 */
export function useFormFeedback(form: FormWithErrors) {
  const [attempt, setAttempt] = useState(0);
  const [formError, setFormError] = useState<string | null>(null);

  const show = (error: unknown, fieldsFor422: readonly string[]) => {
    const besideFields =
      (isApiError(error, 400) && error.details.length > 0) ||
      (isApiError(error, 422) &&
        error.details.length > 0 &&
        error.details.every((detail) => fieldsFor422.includes(detail.field)));
    if (isApiError(error) && besideFields) {
      setFormError(null);
      form.setErrors(
        Object.fromEntries(error.details.map((detail) => [detail.field, translateMessage(detail.message)])),
      );
    } else {
      setFormError(errorMessage(error));
    }
    setAttempt((count) => count + 1);
  };

  return {
    attempt,
    formError,
    /** Pass as the second argument of form.onSubmit. */
    onInvalid: () => {
      setFormError(null);
      setAttempt((count) => count + 1);
    },
    /** Call when a valid submission starts. */
    clear: () => setFormError(null),
    /** Call with whatever the request threw. */
    showError: (error: unknown) => show(error, []),
    /**
     * Like showError, but a refusal (422) whose details all name the given fields lands beside those
     * fields, as a 400's would, instead of as one sentence at the top.
     */
    showErrorBeside: (fields: readonly string[]) => (error: unknown) => show(error, fields),
  };
}
