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
    showError: (error: unknown) => {
      if (isApiError(error, 400) && error.details.length > 0) {
        setFormError(null);
        form.setErrors(
          Object.fromEntries(error.details.map((detail) => [detail.field, translateMessage(detail.message)])),
        );
      } else {
        setFormError(errorMessage(error));
      }
      setAttempt((count) => count + 1);
    },
  };
}
