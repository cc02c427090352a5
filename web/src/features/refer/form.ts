import type { UseFormReturnType } from '@mantine/form';
import type { ReferralAnswers } from './answers.js';
import { fieldId } from './answers.js';

export type ReferralFormApi = UseFormReturnType<ReferralAnswers>;

/** An input's id and its value, change handler and message, by the field's body path. */
export function field(form: ReferralFormApi, name: string) {
  return { id: fieldId(name), ...form.getInputProps(name) };
}

/** The same for a checkbox. */
export function checkbox(form: ReferralFormApi, name: string) {
  return { id: fieldId(name), ...form.getInputProps(name, { type: 'checkbox' }) };
}

/** Location state of the form's pages: back to the check page after a change, a field to focus. */
export interface StepState {
  returnToCheck?: boolean;
  focus?: string;
}

export function readStepState(state: unknown): StepState {
  if (!state || typeof state !== 'object') return {};
  const { returnToCheck, focus } = state as Record<string, unknown>;
  return {
    returnToCheck: returnToCheck === true,
    focus: typeof focus === 'string' ? focus : undefined,
  };
}
